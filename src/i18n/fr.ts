import type { Messages } from './en.js';

export const fr: Messages = {
  dayjsLocale: 'fr',
  category: {
    need: 'Besoin',
    objection: 'Objection',
    competitor: 'Concurrent',
    idea: 'Idée',
    praise: 'Compliment',
  },
  urgency: { low: 'Faible', medium: 'Moyenne', high: 'Haute' },
  side: { sales: 'Ventes', marketing: 'Marketing', other: 'Autre' },
  status: {
    new: 'Nouveau',
    acknowledged: 'Pris en compte',
    planned: 'Prévu',
    shipped: 'Livré',
    declined: 'Refusé',
    merged: 'Fusionné',
  },
  kind: { feedback: 'Retour terrain', flag: 'Signalement' },

  card: {
    feedbackTitle: (category) => `Retour terrain · ${category}`,
    feedbackTitlePlain: 'Retour terrain',
    flagTitle: (what) => `${what} · ne répond pas au besoin client`,
    from: (author, side) => `De ${author}${side ? ` (${side})` : ''}`,
    product: (p) => `*Produit :* ${p}`,
    customer: (c) => `*Client :* ${c}`,
    customers: (n, names) => `*Clients (${n}) :* ${names}`,
    moreCustomers: (n) => `${n} de plus`,
    revenue: (r) => `*En jeu :* ${r}`,
    urgency: (u) => `*Urgence :* ${u}`,
    competitor: (c) => `*Concurrent :* ${c}`,
    customerNeed: (n) => `*Besoin client :* ${n}`,
    reason: (r) => `*Pourquoi :* ${r}`,
    source: (link) => `<${link}|Message d’origine>`,
    voteHint: (emoji) => `Réagissez avec :${emoji}: pour voter`,
    itemRef: (id) => `Fiche n° ${id}`,
    statusLine: (status, by, when) => `*${status}* · par ${by}, ${when}`,
    dateFormat: '{date_short_pretty} à {time}',
    note: (note) => `*Note du marketing :* ${note}`,
    declineReason: (reason) => `*Raison du refus :* ${reason}`,
    mergedInto: (ref) => `:twisted_rightwards_arrows: *Fusionné dans ${ref}* : votez et ajoutez les clients là-bas.`,
    button: {
      acknowledged: 'Pris en compte',
      planned: 'Prévu',
      shipped: 'Livré',
      declined: 'Refuser…',
      reopen: 'Rouvrir',
      addCustomer: 'Ajouter un client',
      merge: 'Doublon de…',
    },
    withNote: {
      acknowledged: 'Pris en compte, avec une note…',
      planned: 'Prévu, avec une note…',
      shipped: 'Livré, avec une note…',
      declined: 'Refuser…',
      reopen: 'Rouvrir avec une note…',
    },
    fallback: (kind, text) => `${kind} : ${text}`,
  },

  triage: {
    refused:
      'Seuls les membres côté marketing et les admins Terrain font avancer les cartes : rien n’a changé. Votre vote (une réaction sur la carte) est la façon dont le terrain dit au marketing ce qui compte. Si vous êtes au marketing, dites-le avec `/terrain team marketing`.',
    already: (status) => `Cette carte est déjà *${status}* : rien n’a changé.`,
    movedMeanwhile: (status) =>
      `Quelqu’un vient de passer cette carte à *${status}*, rien n’a donc changé : la carte l’affiche maintenant.`,
    merged: 'Cette fiche a été fusionnée dans une autre : la réponse se fait sur la carte d’origine.',
    gone: 'Terrain ne retrouve plus la fiche de cette carte : rien n’a changé.',
    noteTitle: 'Ajouter une note',
    declineTitle: 'Refuser',
    move: (status, item) => `Passer ${item} à *${status}*. L’auteur et tous ceux qui ont voté liront votre note.`,
    declineIntro: (item) => `Refuser ${item}. L’auteur et tous ceux qui ont voté liront pourquoi.`,
    noteLabel: 'Ce que nous en faisons',
    notePlaceholder: 'La suite, et quand',
    reasonLabel: 'Pourquoi la refusons-nous ?',
    reasonPlaceholder: 'Franc et précis : le terrain accepte mieux un non clair que le silence',
    declineNoteLabel: 'Ce que nous faisons à la place (facultatif)',
    submitMove: 'Valider',
    submitDecline: 'Refuser',
  },

  loop: {
    headline: (emoji, status, item) => `${emoji} *${status}* · ${item}`,
    reopened: 'Rouvert',
    why: {
      author: 'Vous l’avez remonté.',
      voter: 'Vous avez voté pour.',
      customer: 'Vous y avez ajouté un client.',
    },
    thanks: {
      author: 'Merci de l’avoir remonté !',
      voter: 'Merci de l’avoir soutenu !',
      customer: 'Merci d’avoir apporté ce client !',
    },
    movedBy: (who) => `Mis à jour par ${who}`,
    seeCard: (link) => `<${link}|Voir la carte>`,
    mute: 'Ne plus recevoir ces nouvelles',
    muted:
      'C’est noté : Terrain ne vous enverra plus de nouvelles de ce que deviennent les fiches. Vous pouvez les réactiver ici, ou depuis l’onglet Accueil de Terrain.',
    unmuted:
      'C’est noté : vous saurez de nouveau ce que deviennent les fiches que vous avez remontées, soutenues ou enrichies d’un client.',
    undo: 'Annuler',
    shippedCredit: (author, votes) =>
      `:tada: *Livré !* Remonté par ${author}, soutenu par ${votes} vote${votes > 1 ? 's' : ''}. Merci au terrain !`,
    shippedCreditWithCustomers: (author, adders, votes) =>
      `:tada: *Livré !* Remonté par ${author}, avec les clients apportés par ${adders}, soutenu par ${votes} vote${votes > 1 ? 's' : ''}. Merci au terrain !`,
  },

  customers: {
    title: 'Ajouter un client',
    intro: (item) =>
      `Un client ou compte derrière ${item}. Un même compte n’est compté qu’une fois, quelle que soit la personne qui l’ajoute.`,
    account: 'Client ou compte',
    accountPlaceholder: 'Comme le nomme votre CRM',
    revenue: (currency) => `Chiffre d’affaires en jeu (${currency})`,
    revenueHint: 'Montant entier, par exemple 50000',
    note: 'Note',
    notePlaceholder: 'Ce qu’il demande, et ce que cela représente pour lui',
    submit: 'Ajouter',
    already: 'Ce compte compte déjà sur cette fiche, avec son montant : rien n’a changé.',
    refused:
      'Les clients sont ajoutés par les équipes ventes et marketing et les admins Terrain : rien n’a été ajouté. Dites à Terrain votre équipe avec `/terrain team sales` (ou `marketing`), puis ajoutez-le de nouveau.',
    merged: 'Cette fiche a été fusionnée dans une autre : ajoutez le client sur la carte d’origine.',
  },

  filed: {
    feedback: (link) =>
      `Merci ! Votre retour est au tableau : <${link}|voir la carte>. Le marketing le verra, et vous saurez ce qu’il devient.`,
    flag: (link) => `Merci pour ce signalement : <${link}|voir la carte>. Le marketing le verra, et vous saurez ce qu’il devient.`,
    feedbackNoLink: 'Merci ! Votre retour est au tableau.',
    feedbackGoingUp: (channel) =>
      `Merci ! Votre retour est enregistré : sa carte arrive dans ${channel}. Le marketing le verra, et vous saurez ce qu’il devient.`,
    flagGoingUp: (channel) =>
      `Merci pour ce signalement : sa carte arrive dans ${channel}. Le marketing le verra, et vous saurez ce qu’il devient.`,
    flagNoLink: 'Merci pour ce signalement : la carte est au tableau.',
    sideTip: 'De quel côté êtes-vous ? Le bilan hebdomadaire compte par équipe : un clic, et Terrain s’en souvient.',
  },

  errors: {
    tooLong: (length, max) =>
      `Cela fait ${length} caractères ; une carte en contient ${max}. Rien n’a été enregistré : raccourcissez et renvoyez. Voici votre texte pour ne pas le perdre :`,
    noChannel:
      'Terrain n’a pas encore de canal partagé, rien n’a donc été enregistré. Demandez à votre responsable de lancer `/terrain setup` dans le canal où iront les cartes, puis renvoyez. Voici votre texte pour ne pas le perdre :',
    notInChannel: (channel) =>
      `Votre retour est enregistré, mais Terrain ne peut pas encore publier dans ${channel}. Quelqu’un de ce canal doit taper \`/invite @Terrain\` (ou y lancer \`/terrain setup\`) : la carte sera publiée aussitôt. Voici ce que vous avez envoyé :`,
    cardRefused: (code) =>
      `Votre retour est enregistré, mais Slack a refusé sa carte (\`${code}\`). Demandez à qui administre Terrain de regarder \`npx terrain outbox\` ; rien n’est perdu. Voici ce que vous avez envoyé :`,
    unexpected: 'Un problème est survenu du côté de Terrain. Voici votre texte pour ne pas le perdre ; réessayez dans une minute :',
    unexpectedNoText: 'Un problème est survenu du côté de Terrain. Réessayez dans une minute.',
    emptyText: 'Écrivez d’abord quelque chose.',
    shortcutEmpty: 'Ce message n’a pas de texte à envoyer. Ouvrez `/feedback` pour l’écrire avec vos mots.',
    modalUnavailable: 'Terrain n’a pas pu ouvrir le formulaire (Slack ne laisse que quelques secondes). Relancez la commande.',
    invalidRevenue: 'Indiquez un montant entier, par exemple 50000.',
    fieldTooLong: (length, max) => `Trop long : ${length} caractères, ${max} au plus.`,
  },

  failure: {
    notSaved:
      'Terrain n’a pas pu enregistrer ceci : sa base de données ne répond pas pour l’instant, rien n’a donc été enregistré. Voici votre texte pour ne pas le perdre ; renvoyez-le dans quelques minutes :',
    notSavedNoText:
      'Terrain n’a pas pu le faire : sa base de données ne répond pas pour l’instant, rien n’a donc été enregistré. Réessayez dans quelques minutes.',
    notSavedModal:
      'Terrain n’a pas pu enregistrer ceci : sa base de données ne répond pas pour l’instant. Votre texte est toujours là ; réessayez dans quelques minutes.',
    slow: 'Terrain a mis trop de temps à répondre : ceci n’a peut-être pas été enregistré. Voici votre texte ; vérifiez le canal dans une minute avant de le renvoyer :',
    slowNoText: 'Terrain a mis trop de temps à répondre : ce n’est peut-être pas fait. Vérifiez dans une minute avant de réessayer.',
    slowModal:
      'Terrain a mis trop de temps à répondre : ceci n’a peut-être pas été enregistré. Votre texte est toujours là ; vérifiez le canal avant de réessayer.',
    unexpectedModal:
      'Un problème est survenu du côté de Terrain, rien n’a été enregistré. Votre texte est toujours là ; réessayez dans une minute.',
  },

  modal: {
    feedbackTitle: 'Retour terrain',
    flagTitle: 'Signaler un écart',
    submit: 'Envoyer',
    close: 'Annuler',
    feedbackIntro: 'Qu’avez-vous entendu sur le terrain ? Le marketing lit chaque carte, et le mérite vous revient quand elle aboutit.',
    flagIntro: 'Un produit, une campagne ou un support qui passe à côté du besoin client ? Dites lequel et pourquoi.',
    category: 'Type',
    categoryPlaceholder: 'Choisissez',
    text: 'Qu’avez-vous entendu ?',
    textPlaceholder: 'Avec les mots du client si possible',
    product: 'Produit',
    customer: 'Client ou compte',
    revenue: (currency) => `Chiffre d’affaires en jeu (${currency})`,
    revenueHint: 'Montant entier, par exemple 50000',
    urgency: 'Urgence',
    competitor: 'Concurrent cité',
    flagText: 'Qu’est-ce qui ne va pas ?',
    flagTextPlaceholder: 'Le produit, la campagne ou le support, et en quoi il ne suffit pas',
    customerNeed: 'Quel besoin client est manqué ?',
    reason: 'Pourquoi ?',
    sourceLink: (link) => `Depuis <${link}|ce message>.`,
  },

  terrain: {
    help: [
      '*Terrain* apporte au marketing ce que le terrain entend, et lui en rend le mérite.',
      '• `/feedback <texte>` : un retour terrain en quelques secondes (sans texte, un formulaire s’ouvre : type, produit, client, chiffre d’affaires en jeu…).',
      '• `/flag <texte>` : signaler un produit, une campagne ou un support qui manque le besoin client.',
      '• `/afterwork [quand et où]` : inviter ventes et marketing à un afterwork (`/afterwork jeudi 18h30 à Le Comptoir`).',
      '• Menu d’un message → *Send to Terrain* : transformer n’importe quel message en retour.',
      '• Réagissez à une carte avec l’emoji de vote : un vote par personne.',
      '• `/terrain setup` : faire de ce canal le canal partagé des cartes et du bilan (admins Terrain).',
      '• `/terrain team sales|marketing|other` : dire de quel côté vous êtes.',
      '• `/terrain digest` : voir le bilan de la semaine, en privé. `/terrain settings` : quand et en quelle langue il est publié (admins Terrain).',
      '• `/terrain admins` : qui sont les admins Terrain ; ils en nomment d’autres avec `/terrain admins ajouter @quelqu’un` (et `retirer`).',
      '• `/terrain recherche <mots>` : retrouver ce qui a déjà été remonté, avec son statut, ses votes et ses clients.',
      '• `/terrain fusionner 42 17` : le n° 42 dit la même chose que le n° 17, ses votes et ses clients y comptent donc, une fois (marketing et admins Terrain).',
      '• `/terrain help` : ce message.',
    ].join('\n'),
    unknown: (word) => `Je ne connais pas \`${word}\`. Voici ce que je sais faire :`,
    setupDone: (channel) => `C’est fait : les cartes et le bilan hebdomadaire iront dans ${channel}.`,
    setupDoneWithCards: (channel, n) =>
      `C’est fait : les cartes et le bilan hebdomadaire iront dans ${channel}. ${n} carte${n > 1 ? 's' : ''} en attente ${n > 1 ? 'sont publiées' : 'est publiée'} maintenant.`,
    setupNotAChannel: 'Lancez `/terrain setup` dans le canal où iront les cartes (pas dans un message direct).',
    setupInviteFirst: (channel) =>
      `Les cartes et le bilan iront dans ${channel}, mais je ne peux pas le rejoindre seul (il est privé). Tapez \`/invite @Terrain\` ici, puis relancez \`/terrain setup\` : les cartes en attente seront alors publiées.`,
    teamUsage: 'Dites de quel côté vous êtes : `/terrain team sales`, `/terrain team marketing` ou `/terrain team other`.',
    teamDone: (side) => `C’est noté : vous êtes côté ${side}.`,
  },

  roles: {
    refused: {
      setup: 'Seuls les admins Terrain peuvent choisir le canal de Terrain : rien n’a été modifié.',
      settings: 'Seuls les admins Terrain peuvent modifier les réglages de Terrain : rien n’a été modifié.',
      admins: 'Seuls les admins Terrain peuvent nommer ou retirer des admins Terrain : rien n’a été modifié.',
    },
    roleUnknown: 'Terrain n’a pas pu vérifier votre rôle auprès de Slack à l’instant : rien n’a été modifié. Réessayez dans une minute.',
    whoNamed: (admins) =>
      `Les admins Terrain sont les admins et propriétaires Slack de l’espace de travail, ainsi que ${admins}. Demandez à l’un d’eux, ou demandez à être nommé admin avec \`/terrain admins ajouter\`.`,
    whoSlackOnly:
      'Les admins Terrain sont les admins et propriétaires Slack de l’espace de travail. Demandez à l’un d’eux, ou demandez à être nommé admin avec `/terrain admins ajouter`.',
    whoNoneYet:
      'Personne n’est encore nommé admin Terrain : la première personne qui lance `/terrain setup` dans le canal partagé le devient. Les admins et propriétaires Slack de l’espace de travail sont aussi admins Terrain.',
    list: (admins) => `*Admins Terrain :* les admins et propriétaires Slack de l’espace de travail, ainsi que ${admins}.`,
    listSlackOnly: '*Admins Terrain :* les admins et propriétaires Slack de l’espace de travail. Personne d’autre n’est encore nommé.',
    listNoneYet:
      '*Admins Terrain :* les admins et propriétaires Slack de l’espace de travail. Personne n’est encore nommé : la première personne qui lance `/terrain setup` le devient.',
    listHint:
      'Les admins Terrain choisissent le canal (`/terrain setup`), modifient les réglages (`/terrain settings`) et nomment ou retirent des admins (`/terrain admins ajouter @quelqu’un`, `/terrain admins retirer @quelqu’un`).',
    more: (n) => `${n} de plus`,
    added: (who) => `Désormais admin Terrain : ${who}.`,
    alreadyAdmin: (who) => `Déjà admin Terrain : ${who}.`,
    removed: (who) => `N’est plus admin Terrain : ${who}.`,
    notNamed: (who) =>
      `Pas admin Terrain nommé, rien à retirer : ${who}. (Les admins et propriétaires Slack sont admins Terrain par leur rôle dans Slack.)`,
    usage:
      'Mentionnez les personnes : `/terrain admins ajouter @alex`, `/terrain admins retirer @alex` ; `/terrain admins liste` montre qui sont les admins.',
    plainNames:
      'Slack a envoyé les noms en texte brut : Terrain ne peut pas savoir de qui il s’agit. Choisissez chaque personne dans les suggestions @ de Slack ; si cela se reproduit, la commande /terrain doit avoir « Escape channels, users, and links » activé dans les réglages de l’app.',
    youWereAdded: (by) =>
      `${by} vous a nommé admin Terrain : vous pouvez désormais choisir le canal de Terrain (\`/terrain setup\`), modifier ses réglages (\`/terrain settings\`) et nommer d’autres admins (\`/terrain admins ajouter @quelqu’un\`).`,
    firstAdmin:
      'Vous êtes le premier admin Terrain de cet espace de travail : vous pouvez modifier les réglages, et nommer d’autres admins avec `/terrain admins ajouter @quelqu’un`.',
  },

  afterwork: {
    defaultTitle: 'Afterwork',
    answer: { going: 'J’y vais', maybe: 'Peut-être', no: 'Je ne peux pas', waitlisted: 'En liste d’attente' },
    card: {
      dateTokens: '{date_short_pretty} à {time}',
      dateFallback: 'ddd D MMM YYYY, HH:mm',
      when: (date) => `:calendar: ${date}`,
      place: (place) => `:round_pushpin: ${place}`,
      host: (who) => `Organisé par ${who}`,
      going: (n, names) => `*Participants (${n}) :* ${names}`,
      more: (n) => `+${n} autres`,
      bySide: (sales, marketing) => `Ventes ${sales} · Marketing ${marketing}`,
      other: (n) => `Autres ${n}`,
      maybe: (n) => `${n} peut-être`,
      no: (n) => `${n} ne peu${n === 1 ? 't' : 'vent'} pas`,
      places: (going, capacity) => `${going} place${going === 1 ? '' : 's'} prise${going === 1 ? '' : 's'} sur ${capacity}`,
      full: (capacity) => `Complet : les ${capacity} places sont prises`,
      waitlist: (n, names) => `*Liste d’attente (${n}) :* ${names}`,
      both: ':handshake: Les deux équipes seront là : ventes et marketing viennent.',
      marketingSilent: ':hourglass_flowing_sand: Le marketing n’a pas encore répondu.',
      salesSilent: ':hourglass_flowing_sand: Les ventes n’ont pas encore répondu.',
      marketingNotGoing: ':hourglass_flowing_sand: Personne du marketing ne vient pour l’instant.',
      salesNotGoing: ':hourglass_flowing_sand: Personne des ventes ne vient pour l’instant.',
      neitherSilent: ':hourglass_flowing_sand: Ni les ventes ni le marketing n’ont encore répondu.',
      neitherNotGoing: ':hourglass_flowing_sand: Personne des ventes ni du marketing ne vient pour l’instant.',
      rsvpGoing: 'J’y vais',
      rsvpMaybe: 'Peut-être',
      rsvpNo: 'Je ne peux pas',
      closed: ':lock: Les réponses sont closes : l’afterwork a commencé.',
      cancelled: (who) => `:no_entry: *Annulé* par ${who}.`,
      edit: 'Modifier',
      cancel: 'Annuler',
      confirmTitle: 'Annuler cet afterwork ?',
      confirmText: 'L’invitation dira qu’il est annulé, et chaque personne qui a répondu recevra un message.',
      confirmYes: 'Oui, annuler',
      confirmNo: 'Le garder',
      google: 'Google Agenda',
      outlook: 'Outlook',
      fallback: (title, when) => `Afterwork : ${title}, ${when}`,
    },
    modal: {
      title: 'Nouvel afterwork',
      editTitle: 'Modifier l’afterwork',
      submit: 'Inviter',
      save: 'Enregistrer',
      close: 'Annuler',
      intro: 'Invitez ventes et marketing à se retrouver loin du pipeline. Chacun voit l’heure dans son propre fuseau.',
      fromText: 'Rempli d’après votre texte : vérifiez l’heure. Ce que Terrain n’a pas compris est dans la note.',
      timeGuessed: (time) => `Pas d’heure dans votre texte, donc ${time} : changez-la si besoin.`,
      what: 'Quoi',
      whatPlaceholder: 'Afterwork avec le marketing',
      when: 'Quand',
      where: 'Où',
      wherePlaceholder: 'Le Comptoir, 12 rue de la Paix',
      note: 'Note',
      notePlaceholder: 'Pour qui, quoi apporter, comment trouver…',
      capacity: 'Places',
      capacityHint: 'Laissez vide pour ne pas limiter. Vous comptez pour une place.',
      channel: 'Inviter dans',
    },
    errors: {
      titleEmpty: 'Donnez-lui un nom.',
      tooLong: (max) => `Trop long : ${max} caractères au plus.`,
      whenMissing: 'Choisissez une date et une heure.',
      whenPast: 'Cette heure est déjà passée : choisissez-en une à venir.',
      whenTooFar: 'C’est dans plus de deux ans : vérifiez l’année.',
      capacity: 'Indiquez un nombre entier de places, 1 ou plus, ou laissez vide.',
      capacityBelowGoing: (n) => `${n} personnes viennent déjà : il ne peut pas y avoir moins de places.`,
      noChannel: 'Choisissez le canal à inviter : Terrain n’a pas encore de canal partagé.',
      notHost: 'Seuls l’organisateur et les admins Terrain peuvent modifier ou annuler cet afterwork : rien n’a été changé.',
      cancelledAlready: 'Cet afterwork est annulé : rien n’a été changé.',
      gone: 'Terrain ne retrouve plus cet afterwork.',
      notInChannel: (channel) =>
        `Votre afterwork est enregistré, mais Terrain ne peut pas encore publier dans ${channel}. Tapez \`/invite @Terrain\` dans ce canal : l’invitation sera publiée aussitôt.`,
      cardRefused: (code) =>
        `Votre afterwork est enregistré, mais Slack a refusé son invitation (\`${code}\`). Demandez à qui gère Terrain de regarder \`npx terrain outbox\` ; rien n’est perdu.`,
    },
    rsvp: {
      closed: 'Les réponses à cet afterwork sont closes : il a déjà commencé.',
      cancelled: 'Cet afterwork a été annulé : les réponses sont closes.',
      hostStays: 'Vous organisez, donc vous comptez parmi les participants. Pour l’annuler, utilisez *Annuler* sur l’invitation.',
      waitlisted: (title, position) =>
        `*${title}* est complet : vous êtes en liste d’attente (numéro ${position}). Si une place se libère, vous recevrez un message.`,
    },
    dm: {
      atPlace: (place) => `, à *${place}*`,
      seeInvite: (link) => `<${link}|Voir l’invitation>`,
      promoted: (title, when, place) => `:tada: Une place s’est libérée : vous participez à *${title}*, ${when}${place}.`,
      reminder: (title, when, place) => `:beers: Rappel : *${title}* commence ${when}${place}.`,
      changed: (title, by) => `:pencil2: ${by} a modifié *${title}* :`,
      timeChanged: (to, from) => `• Quand : ${to} (au lieu de ${from})`,
      placeChanged: (to, from) => `• Où : ${to} (au lieu de ${from})`,
      titleChanged: (to, from) => `• S’appelle désormais *${to}* (au lieu de ${from})`,
      noPlace: 'non précisé',
      cancelled: (title, when, by) => `:no_entry: *${title}* (${when}) est annulé : ${by} l’a annulé.`,
    },
    digest: {
      title: ':beers: *Afterworks*',
      upcoming: (title, when, going) => `• *${title}*, ${when} · ${going} participant${going === 1 ? '' : 's'}`,
      mix: (title, sales, marketing, other) =>
        `• ${title} : ${sales} des ventes, ${marketing} du marketing, ${other} autre${other === 1 ? '' : 's'}`,
      lastWeek: '_Le mélange de la semaine dernière :_',
      none: 'Aucun afterwork prévu : `/afterwork` invite les deux équipes.',
    },
    home: {
      title: ':beers: *Prochain afterwork*',
      line: (title, when, going) => `*${title}*, ${when} · ${going} participant${going === 1 ? '' : 's'}`,
      yourAnswer: (answer) => `Votre réponse : ${answer}`,
      noAnswer: 'Vous n’avez pas encore répondu : les boutons sont sur l’invitation.',
      none: 'Aucun afterwork prévu. `/afterwork` invite les deux équipes.',
      seeInvite: 'Voir l’invitation',
    },
  },

  digest: {
    title: (week, year) => `Bilan hebdo Terrain · semaine ${week}, ${year}`,
    titleDates: (range) => `Bilan Terrain · ${range}`,
    range: (from, to) => `${from} – ${to}`,
    quiet:
      'Semaine calme : rien de nouveau du terrain, ni vote, ni changement. Le prochain appel client est la prochaine occasion : `/feedback` prend dix secondes.',
    quietPeriod:
      'Période calme : rien de nouveau du terrain, ni vote, ni changement. Le prochain appel client est la prochaine occasion : `/feedback` prend dix secondes.',
    lead: { week: 'Cette semaine', period: 'Sur la période' },
    when: { week: 'cette semaine', period: 'sur la période' },
    numbers: (feedback, flags, votes, lead = 'Cette semaine') =>
      `*${lead} :* ${feedback} retour${feedback > 1 ? 's' : ''} · ${flags} signalement${flags > 1 ? 's' : ''} · ${votes} vote${votes > 1 ? 's' : ''}`,
    bySide: (sales, marketing, other) => `*Par équipe :* ${sales} · ${marketing}${other ? ` · ${other}` : ''}`,
    sideCounts: (side, items, votes) => `${side} ${items} élément${items > 1 ? 's' : ''}, ${votes} vote${votes > 1 ? 's' : ''}`,
    trend: (spark, counts) =>
      `*Tendance sur 8 semaines :* ${spark}  ${counts} _(nouveaux éléments par semaine, du plus ancien au plus récent)_`,
    topTitle: ':trophy: *Les plus soutenus cette semaine*',
    topTitlePeriod: ':trophy: *Les plus soutenus sur la période*',
    topLine: (rank, item, added, total, revenue, customers = 0) =>
      `${rank}. ${item} — ${added} · ${total} au total${customers > 0 ? ` · ${customers} client${customers > 1 ? 's' : ''}` : ''}${revenue ? ` · ${revenue} en jeu` : ''}`,
    thisWeek: (n, when = 'cette semaine') => `+${n} ${when}`,
    flagsTitle: ':triangular_flag_on_post: *Nouveaux signalements*',
    flagLine: (item, author) => `• ${item} — ${author}`,
    movedTitle: ':arrows_counterclockwise: *Ce qui a bougé*',
    movedLine: (item, from, to) => `• ${item} : ${from} → ${to}`,
    shippedLine: (item, author, voters) =>
      `:tada: *Livré :* ${item}, proposé par ${author} et soutenu par ${voters} votant${voters > 1 ? 's' : ''}. Merci !`,
    waitingTitle: ':hourglass_flowing_sand: *En attente d’une réponse du marketing (plus de 7 jours)*',
    waitingLine: (item, author, age) => `• ${item} — ${author}, ${age}`,
    responses: (answered, waiting) => `:stopwatch: *Réponses du marketing :* ${answered} · ${waiting}`,
    answered: (n, median, when = 'cette semaine') =>
      `${n} élément${n > 1 ? 's ont' : ' a'} reçu une première réponse ${when}, en ${median} (médiane)`,
    noneAnswered: (when = 'cette semaine') => `aucune première réponse ${when}`,
    stillWaiting: (n) => `${n} toujours en attente d’une réponse`,
    noneWaiting: 'rien n’attend de réponse',
    competitorsTitle: ':eyes: *Concurrents cités*',
    competitorLine: (name, count) => `${name} ×${count}`,
    voicesTitle: ':raised_hands: *Merci aux voix du terrain*',
    voiceLine: (user, filed, voted) => `${user} (${filed} déposé${filed > 1 ? 's' : ''}, ${voted} vote${voted > 1 ? 's' : ''})`,
    more: (n) => `…et ${n} de plus dans le fil :thread:`,
    moreHere: (n) => `…et ${n} de plus`,
    listedAbove: (n) => `_(${n} cité${n > 1 ? 's' : ''} plus haut)_`,
    threadFiled: (n, when = 'cette semaine') => `*Tout ce qui a été déposé ${when} (${n})*`,
    threadVoted: (n, when = 'cette semaine') => `*Tout ce qui a été voté ${when} (${n})*`,
    threadFlags: (n) => `*Tous les nouveaux signalements (${n})*`,
    threadMoved: (n) => `*Tout ce qui a bougé (${n})*`,
    threadWaiting: (shown, total) =>
      shown < total ? `*Les ${shown} plus anciens des ${total} en attente d’une réponse*` : `*Tout ce qui attend une réponse (${total})*`,
    threadLine: (item, votes) => `• ${item} · ${votes} vote${votes > 1 ? 's' : ''}`,
    fallback: (week, feedback, flags, votes) =>
      `Bilan hebdo Terrain, semaine ${week} : ${feedback} retour${feedback > 1 ? 's' : ''}, ${flags} signalement${flags > 1 ? 's' : ''}, ${votes} vote${votes > 1 ? 's' : ''}`,
    fallbackDates: (range, feedback, flags, votes) =>
      `Bilan Terrain, ${range} : ${feedback} retour${feedback > 1 ? 's' : ''}, ${flags} signalement${flags > 1 ? 's' : ''}, ${votes} vote${votes > 1 ? 's' : ''}`,
    someone: 'un collègue',
    previewNote: 'Aperçu : voici ce que dirait le prochain bilan s’il était publié maintenant.',
    posted: (channel) => `Bilan publié dans ${channel}.`,
    alreadyPosted: (channel) => `Le bilan de cette période est déjà dans ${channel} : rien n’a été republié.`,
    noChannel: 'Terrain n’a pas encore de canal partagé : lancez `/terrain setup` dans le canal où doit aller le bilan.',
  },

  settings: {
    title: 'Réglages Terrain',
    save: 'Enregistrer',
    intro: (channel) => `Le bilan hebdomadaire va dans ${channel}. Choisissez quand, et en quelle langue.`,
    noChannel: 'Pas encore de canal partagé : lancez `/terrain setup` dans le canal où iront les cartes et le bilan.',
    day: 'Jour du bilan',
    days: { 1: 'lundi', 2: 'mardi', 3: 'mercredi', 4: 'jeudi', 5: 'vendredi', 6: 'samedi', 0: 'dimanche' },
    time: 'Heure',
    timezone: 'Fuseau horaire',
    timezoneHint: 'Un fuseau IANA, par exemple Europe/Paris ou America/New_York',
    cron: 'Planification personnalisée (cron, facultatif)',
    cronHint: 'Remplace le jour et l’heure, par exemple « 0 9 * * 1 » pour le lundi à 9 h',
    language: 'Langue du bilan',
    languages: { en: 'English', fr: 'Français' },
    badTimezone: 'Fuseau inconnu : utilisez un nom comme Europe/Paris.',
    badCron: 'Expression cron invalide, par exemple « 0 9 * * 1 ».',
    saved: (next, zone, language) => `Enregistré. Prochain bilan : ${next} (${zone}), en ${language}.`,
    button: 'Réglages du bilan',
    currency: 'Devise des montants en jeu',
    badCurrency: 'Choisissez une devise dans la liste.',
    salesGroup: 'Groupe d’utilisateurs Ventes (facultatif)',
    marketingGroup: 'Groupe d’utilisateurs Marketing (facultatif)',
    groupHint: 'Ses membres rejoignent cette équipe, synchronisés chaque jour. Sans groupe, chacun indique son équipe.',
    groupPlaceholder: 'Choisir un groupe d’utilisateurs Slack',
    groupNone: 'Aucun : chacun indique son équipe',
    noUsergroups:
      'Cet espace de travail n’a pas de groupes d’utilisateurs Slack (offre payante) : chacun indique donc son équipe, dans l’onglet Accueil de Terrain ou en déposant un retour.',
    noUsergroupsOption: 'Pas de groupes d’utilisateurs ici',
    sameGroup: 'Choisissez deux groupes différents : un pour les ventes, un pour le marketing.',
    groupsSynced: (sales, marketing) =>
      `Les équipes suivent désormais les groupes d’utilisateurs : ${sales} personne${sales > 1 ? 's' : ''} aux ventes, ${marketing} au marketing. Terrain les synchronise chaque jour ; qui n’est dans aucun des deux garde l’équipe qu’il a indiquée.`,
    groupGone: 'Slack ne connaît plus l’un des groupes : choisissez-le à nouveau dans les réglages.',
    syncLater: 'Terrain n’a pas pu lire les groupes d’utilisateurs pour l’instant ; il réessaiera plus tard dans la journée.',
    groupsCleared: 'Plus de groupe d’utilisateurs : chacun garde son équipe et peut la changer dans l’onglet Accueil de Terrain.',
  },

  home: {
    title: 'Terrain',
    intro: 'Ce que le terrain entend, le marketing le lit, et le mérite revient au terrain.',
    yourItems: 'Vos derniers retours et signalements',
    none: 'Rien pour l’instant. Essayez `/feedback` après votre prochain appel.',
    itemLine: (kind, text, status, votes, date = '', customers = 0) =>
      `${kind} · ${text}\n_${date ? `${date} · ` : ''}${status} · ${votes} vote${votes > 1 ? 's' : ''}${customers > 0 ? ` · ${customers} client${customers > 1 ? 's' : ''}` : ''}_`,
    open: 'Voir la carte',
    newFeedback: 'Nouveau retour',
    newFlag: 'Nouveau signalement',
    waitingTitle: (n) => `En attente d’une réponse (${n})`,
    waitingIntro: 'Les plus anciens d’abord. Répondez sur la carte : qui l’a déposé ou a voté l’apprend.',
    waitingNone: 'Rien n’attend de réponse : le terrain a eu un retour sur tout.',
    waitingLine: (text, waited, backing) => `${text}\n_En attente depuis ${waited} · ${backing}_`,
    more: (n) => `…et ${n} de plus, plus récents.`,
    // « d’Alex », « de Sam »: French elides before a vowel.
    from: (name) => (/^[aeiouyàâäéèêëîïôöûüù]/i.test(name) ? `d’${name}` : `de ${name}`),
    topTitle: 'Les éléments ouverts de la semaine',
    topNone: 'Aucun élément ouvert n’a été déposé ni voté cette semaine.',
    topLine: (rank, text, status, backing) => `${rank}. ${text}\n_${status} · ${backing}_`,
    votes: (n) => `${n} vote${n > 1 ? 's' : ''}`,
    customers: (n) => `${n} client${n > 1 ? 's' : ''}`,
    atStake: (amount) => `${amount} en jeu`,
    sideKnown: (side) => `*Votre équipe :* ${side}. Le bilan hebdomadaire compte par équipe ; changez-la d’un clic.`,
    sideUnknown: '*Votre équipe :* pas encore indiquée. De quel côté êtes-vous ? Le bilan hebdomadaire compte par équipe.',
    sidesFromGroups:
      'Les équipes suivent aussi les groupes d’utilisateurs Ventes et Marketing de l’espace de travail, synchronisés chaque jour.',
    updatesOn: '*Nouvelles :* vous recevez un message quand ce que vous avez déposé ou voté avance.',
    updatesMuted: '*Nouvelles en sourdine :* aucun message sur ce que deviennent vos dépôts et vos votes.',
    mute: 'Couper',
    unmute: 'Réactiver',
    nextDigest: (when) => `Prochain bilan hebdomadaire : ${when} (votre heure).`,
    noDigest: 'Pas encore de bilan hebdomadaire : un admin Terrain lance `/terrain setup` dans le canal où il doit aller.',
    help: (emoji) =>
      [
        '*Comment marche Terrain*',
        '• *Déposez* ce que vous entendez : les boutons en haut, ou `/feedback ce que le client a dit` dans n’importe quel canal. Sans texte, un formulaire demande le client, le chiffre d’affaires en jeu et le reste.',
        '• *Signalez* un produit, une campagne ou un support qui manque le besoin client : `/flag ce qui ne va pas, et pourquoi`.',
        '• *Transformez un message en retour :* son menu ⋮ → *Send to Terrain*.',
        `• *Votez* en réagissant à une carte avec :${emoji}: (un vote par personne).`,
        '• *Ayez des nouvelles :* quand le marketing répond sur une carte, qui l’a déposée ou a voté reçoit un message ; quand c’est livré, le mérite revient au terrain.',
        '• Toutes les commandes : `/terrain help`.',
      ].join('\n'),
  },

  sides: {
    current: (side) => `✓ ${side}`,
    change: 'Ce n’est pas ça ? Choisissez-en une autre ici, ou dans l’onglet Accueil de Terrain.',
  },
  similar: {
    intro: (minutes) =>
      `*On dirait que c’est déjà remonté.* Si l’un de ceux-ci dit la même chose, votez plutôt pour lui : une seule carte avec tous les votes pèse plus. Sinon, le vôtre arrive au tableau dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    line: (handle, excerpt, status, votes) => `${handle} ${excerpt}\n_${status} · ${votes} vote${votes > 1 ? 's' : ''}_`,
    voteInstead: 'Voter pour celui-ci',
    postAnyway: 'Publier le mien quand même',
    posting: 'Le vôtre est publié maintenant.',
    voted: (handle, votes) =>
      `C’est fait : votre vote va au ${handle}, qui compte maintenant ${votes} vote${votes > 1 ? 's' : ''}. Le vôtre n’a pas été publié ; ce que vous avez écrit est gardé avec lui. Vous saurez ce qu’il devient.`,
    alreadyVoted: (handle) => `Déjà fait : votre vote va au ${handle}, et le vôtre n’a pas été publié.`,
    notYours: 'Seule la personne qui l’a envoyé peut choisir ce qu’il devient.',
    gone: 'Cet élément n’est plus dans Terrain.',
  },

  search: {
    handle: (id) => `n° ${id}`,
    quoted: (text) => `« ${text} »`,
    usage: 'Dites ce que vous cherchez, par exemple `/terrain recherche mode hors ligne`.',
    none: (words) => `Rien ne correspond à « ${words} ». Essayez d’autres mots ; si c’est nouveau, envoyez-le avec \`/feedback\`.`,
    found: (words) => `*Les plus proches de « ${words} »*`,
    someWords: (words) => `*Rien ne contient tout « ${words} » ; ceux-ci en contiennent une partie*`,
    line: (handle, kind, status, votes, customers) =>
      `${handle} · ${kind} · *${status}* · ${votes} vote${votes > 1 ? 's' : ''} · ${customers} client${customers > 1 ? 's' : ''}`,
    more: 'D’autres éléments correspondent : ajoutez un mot pour affiner.',
  },

  merge: {
    usage:
      'Donnez le doublon, puis l’élément qu’il répète, avec les numéros de leurs cartes : `/terrain fusionner 42 17` fusionne le n° 42 dans le n° 17.',
    refused:
      'Seuls le marketing et les admins Terrain peuvent fusionner des éléments : rien n’a été changé. Demandez à quelqu’un du marketing, ou à un admin Terrain (`/terrain admins` dit qui).',
    unknown: (handle) => `Il n’y a pas de ${handle} dans cet espace de travail : vérifiez le numéro en bas de sa carte.`,
    sameItem: (handle) => `Le ${handle} ne peut pas être fusionné avec lui-même : donnez l’élément qu’il répète.`,
    cycle: (duplicate, original) =>
      `Le ${original} a déjà été fusionné dans le ${duplicate} : le ${duplicate} ne peut donc pas y être fusionné. Rien n’a été changé.`,
    alreadyMerged: (duplicate, into) => `Le ${duplicate} est déjà fusionné dans le ${into}. Rien n’a été changé.`,
    alreadyDone: (duplicate, into) => `Le ${duplicate} était déjà fusionné dans le ${into} : rien de plus à faire.`,
    done: (duplicate, original, votes, customers) =>
      `C’est fait : le ${duplicate} est fusionné dans le ${original}, qui compte maintenant ${votes} vote${votes > 1 ? 's' : ''} et ${customers} client${customers > 1 ? 's' : ''}, chaque personne et chaque compte une fois. Les deux cartes l’indiquent.`,
    followed: (original, root) => `Le ${original} avait déjà été fusionné dans le ${root} : le doublon y est donc allé.`,
    toDuplicateAuthor: (duplicate, original, by) =>
      `${by} a vu que votre ${duplicate} dit la même chose que le ${original}, et les a fusionnés : ses votes et ses clients y comptent désormais, et votre nom figure sur sa carte. Vous saurez ce qu’il devient.`,
    toOriginalAuthor: (author, duplicate, original, by, votes) =>
      `${by} a fusionné le ${duplicate} de ${author} dans votre ${original}, qui disait la même chose : il compte maintenant ${votes} vote${votes > 1 ? 's' : ''}.`,
    credit: (author, duplicate) => `${author} l’a remonté aussi (${duplicate}) :`,
    modalTitle: 'Fusionner un doublon',
    modalIntro: (duplicate) =>
      `Quel élément le ${duplicate} répète-t-il ? Ses votes et ses clients y compteront, chaque personne et chaque compte une fois.`,
    pick: 'L’original',
    pickPlaceholder: 'Éléments qui se ressemblent',
    byNumber: 'Ou son numéro',
    byNumberHint: 'Comme sur sa carte, par exemple 17',
    submit: 'Fusionner',
    needOne: 'Choisissez l’original, ou tapez son numéro.',
  },
};
