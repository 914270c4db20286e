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
    flagTitle: 'Signalement : ne répond pas au besoin client',
    from: (author, side) => `De ${author}${side ? ` (${side})` : ''}`,
    product: (p) => `*Produit :* ${p}`,
    customer: (c) => `*Client :* ${c}`,
    revenue: (r) => `*En jeu :* ${r}`,
    urgency: (u) => `*Urgence :* ${u}`,
    competitor: (c) => `*Concurrent :* ${c}`,
    customerNeed: (n) => `*Besoin client :* ${n}`,
    reason: (r) => `*Pourquoi :* ${r}`,
    source: (link) => `<${link}|Message d’origine>`,
    voteHint: (emoji, id) => `Réagissez avec :${emoji}: pour voter · n° ${id}`,
    fallback: (kind, text) => `${kind} : ${text}`,
  },

  filed: {
    feedback: (link) =>
      `Merci ! Votre retour est au tableau : <${link}|voir la carte>. Le marketing le verra, et vous saurez ce qu’il devient.`,
    flag: (link) => `Merci pour ce signalement : <${link}|voir la carte>. Le marketing le verra, et vous saurez ce qu’il devient.`,
    feedbackNoLink: 'Merci ! Votre retour est au tableau.',
    flagNoLink: 'Merci pour ce signalement : la carte est au tableau.',
    sideTip:
      '_Astuce : dites à Terrain de quel côté vous êtes avec `/terrain team sales` (ou `marketing`, `other`) ; le bilan hebdomadaire compte par équipe._',
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
    revenue: 'Chiffre d’affaires en jeu',
    revenueHint: 'Montant entier, dans votre devise habituelle',
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
    range: (from, to) => `${from} – ${to}`,
    quiet:
      'Semaine calme : rien de nouveau du terrain, ni vote, ni changement. Le prochain appel client est la prochaine occasion : `/feedback` prend dix secondes.',
    numbers: (feedback, flags, votes) =>
      `*Cette semaine :* ${feedback} retour${feedback > 1 ? 's' : ''} · ${flags} signalement${flags > 1 ? 's' : ''} · ${votes} vote${votes > 1 ? 's' : ''}`,
    bySide: (sales, marketing, other) => `*Par équipe :* ${sales} · ${marketing}${other ? ` · ${other}` : ''}`,
    sideCounts: (side, items, votes) => `${side} ${items} élément${items > 1 ? 's' : ''}, ${votes} vote${votes > 1 ? 's' : ''}`,
    trend: (spark) => `*Tendance sur 8 semaines :* ${spark} _nouveaux éléments par semaine_`,
    topTitle: ':trophy: *Les plus votés cette semaine*',
    topLine: (rank, item, votes, thisWeek, revenue) =>
      `${rank}. ${item} — ${votes} vote${votes > 1 ? 's' : ''}${thisWeek ? ` ${thisWeek}` : ''}${revenue ? ` · ${revenue} en jeu` : ''}`,
    thisWeek: (n) => `(+${n} cette semaine)`,
    flagsTitle: ':triangular_flag_on_post: *Nouveaux signalements*',
    flagLine: (item, author) => `• ${item} — ${author}`,
    movedTitle: ':arrows_counterclockwise: *Ce qui a bougé*',
    movedLine: (item, from, to) => `• ${item} : ${from} → ${to}`,
    shippedLine: (item, author, voters) =>
      `:tada: *Livré :* ${item}, proposé par ${author} et soutenu par ${voters} votant${voters > 1 ? 's' : ''}. Merci !`,
    waitingTitle: ':hourglass_flowing_sand: *En attente d’une réponse du marketing (plus de 7 jours)*',
    waitingLine: (item, author, age) => `• ${item} — ${author}, ${age}`,
    competitorsTitle: ':eyes: *Concurrents cités*',
    competitorLine: (name, count) => `${name} ×${count}`,
    voicesTitle: ':raised_hands: *Merci aux voix du terrain*',
    voiceLine: (user, filed, voted) => `${user} (${filed} déposé${filed > 1 ? 's' : ''}, ${voted} vote${voted > 1 ? 's' : ''})`,
    more: (n) => `…et ${n} de plus dans le fil :thread:`,
    threadFiled: (n) => `*Tout ce qui a été déposé cette semaine (${n})*`,
    threadVoted: (n) => `*Tout ce qui a été voté cette semaine (${n})*`,
    threadFlags: (n) => `*Tous les nouveaux signalements (${n})*`,
    threadWaiting: (shown, total) =>
      shown < total ? `*Les ${shown} plus anciens des ${total} en attente d’une réponse*` : `*Tout ce qui attend une réponse (${total})*`,
    threadLine: (item, votes) => `• ${item} · ${votes} vote${votes > 1 ? 's' : ''}`,
    fallback: (week, feedback, flags, votes) =>
      `Bilan hebdo Terrain, semaine ${week} : ${feedback} retour${feedback > 1 ? 's' : ''}, ${flags} signalement${flags > 1 ? 's' : ''}, ${votes} vote${votes > 1 ? 's' : ''}`,
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
  },

  home: {
    title: 'Terrain',
    intro: 'Ce que le terrain entend, le marketing le lit, et le mérite revient au terrain.',
    yourItems: 'Vos derniers retours et signalements',
    none: 'Rien pour l’instant. Essayez `/feedback` après votre prochain appel.',
    itemLine: (kind, text, status, votes) => `${kind} · ${text}\n_${status} · ${votes} vote${votes > 1 ? 's' : ''}_`,
    open: 'Voir la carte',
    newFeedback: 'Nouveau retour',
    newFlag: 'Nouveau signalement',
  },
};
