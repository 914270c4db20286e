import type { FeedbackCategory, ItemKind, ItemStatus, RsvpAnswer, Side, Urgency } from '../../db/schema.js';

/** The English catalogue. Its shape is the contract: the French one must have every key. */
export const en = {
  dayjsLocale: 'en',
  category: {
    need: 'Need',
    objection: 'Objection',
    competitor: 'Competitor',
    idea: 'Idea',
    praise: 'Praise',
  } satisfies Record<FeedbackCategory, string>,
  urgency: { low: 'Low', medium: 'Medium', high: 'High' } satisfies Record<Urgency, string>,
  side: { sales: 'Sales', marketing: 'Marketing', other: 'Other' } satisfies Record<Side, string>,
  status: {
    new: 'New',
    acknowledged: 'Acknowledged',
    planned: 'Planned',
    shipped: 'Shipped',
    declined: 'Declined',
    merged: 'Merged',
  } satisfies Record<ItemStatus, string>,
  kind: { feedback: 'Feedback', flag: 'Flag' } satisfies Record<ItemKind, string>,

  card: {
    feedbackTitle: (category: string) => `Field feedback · ${category}`,
    /** A quick `/feedback` with no kind given: the kind is said once. */
    feedbackTitlePlain: 'Field feedback',
    /** What is flagged comes first: the product, campaign or asset (or the start of the text). */
    flagTitle: (what: string) => `${what} · misses what customers need`,
    from: (author: string, side: string | null) => `From ${author}${side ? ` (${side})` : ''}`,
    product: (p: string) => `*Product:* ${p}`,
    customer: (c: string) => `*Customer:* ${c}`,
    customers: (n: number, names: string) => `*Customers (${n}):* ${names}`,
    moreCustomers: (n: number) => `${n} more`,
    revenue: (r: string) => `*At stake:* ${r}`,
    urgency: (u: string) => `*Urgency:* ${u}`,
    competitor: (c: string) => `*Competitor:* ${c}`,
    customerNeed: (n: string) => `*Customer need:* ${n}`,
    reason: (r: string) => `*Why:* ${r}`,
    source: (link: string) => `<${link}|Original message>`,
    voteHint: (emoji: string) => `React with :${emoji}: to vote`,
    /** The item's number, as `/terrain merge` and search take it. */
    itemRef: (id: number) => `Item #${id}`,
    /** Status, who moved it, and when (a Slack date, shown in each reader's time zone). */
    statusLine: (status: string, by: string, when: string) => `*${status}* · by ${by}, ${when}`,
    /** Slack's date tokens: each reader sees their own time zone. */
    dateFormat: '{date_short_pretty} at {time}',
    note: (note: string) => `*Marketing’s note:* ${note}`,
    declineReason: (reason: string) => `*Why declined:* ${reason}`,
    mergedInto: (ref: string) => `:twisted_rightwards_arrows: *Merged into ${ref}*: vote and add customers there.`,
    button: {
      acknowledged: 'Acknowledge',
      planned: 'Planned',
      shipped: 'Shipped',
      declined: 'Decline…',
      reopen: 'Reopen',
      addCustomer: 'Add a customer',
      merge: 'Duplicate of…',
    },
    /** The "with a note" menu: the same moves, with a note the field will read. */
    withNote: {
      acknowledged: 'Acknowledge with a note…',
      planned: 'Planned, with a note…',
      shipped: 'Shipped, with a note…',
      declined: 'Decline…',
      reopen: 'Reopen with a note…',
    },
    fallback: (kind: string, text: string) => `${kind}: ${text}`,
  },

  triage: {
    refused:
      'Only people on the marketing side and Terrain admins move cards, so nothing changed. Your vote (a reaction on the card) is how the field tells marketing what matters. If you work in marketing, say so with `/terrain team marketing`.',
    already: (status: string) => `This card is already *${status}*: nothing changed.`,
    movedMeanwhile: (status: string) =>
      `Someone moved this card to *${status}* just before you, so nothing changed: the card shows it now.`,
    merged: 'This item was merged into another one: it is answered on the original’s card.',
    gone: 'Terrain can’t find this card’s item any more, so nothing changed.',
    noteTitle: 'Add a note',
    declineTitle: 'Decline',
    move: (status: string, item: string) => `Move ${item} to *${status}*. The author and everyone who voted will read your note.`,
    declineIntro: (item: string) => `Decline ${item}. The author and everyone who voted will read why.`,
    noteLabel: 'What we are doing about it',
    notePlaceholder: 'What happens next, and when',
    reasonLabel: 'Why are we declining it?',
    reasonPlaceholder: 'Honest and specific: the field takes a clear no better than silence',
    declineNoteLabel: 'What we do instead (optional)',
    submitMove: 'Move it',
    submitDecline: 'Decline',
  },

  /** Direct messages that tell the field what became of an item. */
  loop: {
    headline: (emoji: string, status: string, item: string) => `${emoji} *${status}* · ${item}`,
    reopened: 'Open again',
    why: {
      author: 'You raised this.',
      voter: 'You voted for this.',
      customer: 'You added a customer to this.',
    },
    thanks: {
      author: 'Thank you for raising it!',
      voter: 'Thank you for backing it!',
      customer: 'Thank you for bringing the customer!',
    },
    movedBy: (who: string) => `Moved by ${who}`,
    seeCard: (link: string) => `<${link}|See the card>`,
    mute: 'Mute these updates',
    muted: 'Done: Terrain won’t send you updates about what becomes of items. You can turn them back on here, or from Terrain’s Home tab.',
    unmuted: 'Done: you’ll hear again what becomes of the items you raised, voted for or added a customer to.',
    undo: 'Undo',
    /** The reply in the card's thread when it ships: credit by name. */
    shippedCredit: (author: string, votes: number) =>
      `:tada: *Shipped!* Raised by ${author}, backed by ${votes} vote${votes === 1 ? '' : 's'}. Thank you, field!`,
    shippedCreditWithCustomers: (author: string, adders: string, votes: number) =>
      `:tada: *Shipped!* Raised by ${author}, with customers brought by ${adders}, backed by ${votes} vote${votes === 1 ? '' : 's'}. Thank you, field!`,
  },

  customers: {
    title: 'Add a customer',
    intro: (item: string) => `A customer or account behind ${item}. Each account counts once, whoever adds it.`,
    account: 'Customer or account',
    accountPlaceholder: 'As your CRM names it',
    revenue: (currency: string) => `Revenue at stake (${currency})`,
    revenueHint: 'Whole amount, such as 50000',
    note: 'Note',
    notePlaceholder: 'What they asked for, and how much it matters to them',
    submit: 'Add',
    already: 'This account already counts on this item, with its figure: nothing changed.',
    refused:
      'Customers are added by the sales and marketing sides and Terrain admins, so nothing was added. Tell Terrain your side with `/terrain team sales` (or `marketing`), then add it again.',
    merged: 'This item was merged into another one: add the customer on the original’s card.',
  },

  filed: {
    feedback: (link: string) =>
      `Thanks! Your feedback is on the board: <${link}|see the card>. Marketing will see it, and you'll hear what becomes of it.`,
    flag: (link: string) => `Thanks for flagging it: <${link}|see the card>. Marketing will see it, and you'll hear what becomes of it.`,
    feedbackNoLink: 'Thanks! Your feedback is on the board.',
    feedbackGoingUp: (channel: string) =>
      `Thanks! Your feedback is filed: its card goes up in ${channel} now. Marketing will see it, and you'll hear what becomes of it.`,
    flagGoingUp: (channel: string) =>
      `Thanks for flagging it: its card goes up in ${channel} now. Marketing will see it, and you'll hear what becomes of it.`,
    flagNoLink: 'Thanks for flagging it: the card is on the board.',
    sideTip: 'Which side are you on? The weekly digest counts by side: one click, and Terrain remembers.',
  },

  errors: {
    tooLong: (length: number, max: number) =>
      `That's ${length} characters; a card holds ${max}. Nothing was saved: shorten it and send it again. Here is your text so you don't lose it:`,
    noChannel:
      "Terrain has no shared channel yet, so nothing was saved. Ask your team lead to run `/terrain setup` in the channel where cards should go, then send it again. Here is your text so you don't lose it:",
    notInChannel: (channel: string) =>
      `Your feedback is saved, but Terrain can't post in ${channel} yet. Someone in that channel should type \`/invite @Terrain\` (or run \`/terrain setup\` there): the card will be posted right away. Here is what you sent:`,
    cardRefused: (code: string) =>
      `Your feedback is saved, but Slack refused its card (\`${code}\`). Ask whoever runs Terrain to look at \`npx terrain outbox\`; nothing is lost. Here is what you sent:`,
    unexpected: "Something went wrong on Terrain's side. Here is your text so you don't lose it; please try again in a minute:",
    unexpectedNoText: "Something went wrong on Terrain's side. Please try again in a minute.",
    emptyText: 'Please write something first.',
    shortcutEmpty: 'That message has no text to send. Open `/feedback` to write it in your own words.',
    modalUnavailable: "Terrain couldn't open the form (Slack gives a few seconds to open it). Please run the command again.",
    invalidRevenue: 'Enter an amount as a whole number, such as 50000.',
    fieldTooLong: (length: number, max: number) => `Too long: ${length} characters, ${max} at most.`,
  },

  /** When Terrain cannot do what was asked (its database down, too slow, a fault): said plainly, text given back. */
  failure: {
    notSaved:
      "Terrain couldn't save this: its database isn't answering right now, so nothing was saved. Here is your text so you don't lose it; please send it again in a few minutes:",
    notSavedNoText:
      "Terrain couldn't do that: its database isn't answering right now, so nothing was saved. Please try again in a few minutes.",
    notSavedModal:
      "Terrain couldn't save this: its database isn't answering right now. Your text is still here; try again in a few minutes.",
    slow: 'Terrain took too long to answer, so this may not have been saved. Here is your text; check the channel in a minute before sending it again:',
    slowNoText: 'Terrain took too long to answer, so that may not have been done. Please check in a minute before trying again.',
    slowModal:
      'Terrain took too long to answer, so this may not have been saved. Your text is still here; check the channel before trying again.',
    unexpectedModal: "Something went wrong on Terrain's side, so nothing was saved. Your text is still here; please try again in a minute.",
  },

  modal: {
    feedbackTitle: 'Field feedback',
    flagTitle: 'Flag a mismatch',
    submit: 'Send',
    close: 'Cancel',
    feedbackIntro: 'What did you hear in the field? Marketing reads every card, and you get the credit when it ships.',
    flagIntro: 'A product, campaign or asset that misses what customers need? Say what and why.',
    category: 'Kind',
    categoryPlaceholder: 'Pick one',
    text: 'What did you hear?',
    textPlaceholder: 'In the customer’s words if you can',
    product: 'Product',
    customer: 'Customer or account',
    revenue: (currency: string) => `Revenue at stake (${currency})`,
    revenueHint: 'Whole amount, such as 50000',
    urgency: 'Urgency',
    competitor: 'Competitor named',
    flagText: 'What misses?',
    flagTextPlaceholder: 'The product, campaign or asset, and how it falls short',
    customerNeed: 'Which customer need does it miss?',
    reason: 'Why?',
    sourceLink: (link: string) => `From <${link}|this message>.`,
  },

  terrain: {
    help: [
      '*Terrain* brings what the field hears to marketing, and credits it back.',
      '• `/feedback <text>`: file field feedback in seconds (no text opens a form with category, product, customer, revenue at stake…).',
      '• `/flag <text>`: flag a product, campaign or asset that misses what customers need.',
      '• `/afterwork [when and where]`: invite sales and marketing to an after-work (`/afterwork Thursday 18:30 at Le Comptoir`).',
      '• Message menu → *Send to Terrain*: turn any message into feedback.',
      '• React to a card with the vote emoji: one vote per person.',
      '• `/terrain setup`: make this channel the shared channel for cards and the digest (Terrain admins).',
      '• `/terrain team sales|marketing|other`: say which side you are on.',
      '• `/terrain digest`: see this week’s digest now, privately. `/terrain settings`: when and in which language it is posted (Terrain admins).',
      '• `/terrain admins`: who the Terrain admins are; they name others with `/terrain admins add @someone` (and `remove`).',
      '• `/terrain search <words>`: find what was already raised, with its status, votes and customers.',
      '• `/terrain merge #42 #17`: #42 says the same as #17, so its votes and customers count there, once (marketing and Terrain admins).',
      '• `/terrain help`: this message.',
    ].join('\n'),
    unknown: (word: string) => `I don't know \`${word}\`. Here is what I can do:`,
    setupDone: (channel: string) => `Done: cards and the weekly digest will go to ${channel}.`,
    setupDoneWithCards: (channel: string, n: number) =>
      `Done: cards and the weekly digest will go to ${channel}. ${n} card${n === 1 ? '' : 's'} that were waiting for it ${n === 1 ? 'is' : 'are'} being posted now.`,
    setupNotAChannel: 'Run `/terrain setup` in the channel where cards should go (not in a direct message).',
    setupInviteFirst: (channel: string) =>
      `Cards and the digest will go to ${channel}, but I can't join it by myself (it's private). Type \`/invite @Terrain\` here, then run \`/terrain setup\` again: the cards waiting will be posted then.`,
    teamUsage: 'Say which side you are on: `/terrain team sales`, `/terrain team marketing` or `/terrain team other`.',
    teamDone: (side: string) => `Noted: you're on the ${side} side.`,
  },

  roles: {
    refused: {
      setup: 'Only Terrain admins can choose Terrain’s channel, so nothing was changed.',
      settings: 'Only Terrain admins can change Terrain’s settings, so nothing was changed.',
      admins: 'Only Terrain admins can name or remove Terrain admins, so nothing was changed.',
    },
    roleUnknown: 'Terrain couldn’t check your role with Slack just now, so nothing was changed. Please try again in a minute.',
    whoNamed: (admins: string) =>
      `Terrain admins are the workspace’s Slack admins and owners, and ${admins}. Ask one of them, or ask to be made an admin with \`/terrain admins add\`.`,
    whoSlackOnly:
      'Terrain admins are the workspace’s Slack admins and owners. Ask one of them, or ask to be made an admin with `/terrain admins add`.',
    whoNoneYet:
      'Nobody is a named Terrain admin yet: the first person to run `/terrain setup` in the shared channel becomes one. The workspace’s Slack admins and owners are Terrain admins too.',
    list: (admins: string) => `*Terrain admins:* the workspace’s Slack admins and owners, and ${admins}.`,
    listSlackOnly: '*Terrain admins:* the workspace’s Slack admins and owners. Nobody else is named yet.',
    listNoneYet:
      '*Terrain admins:* the workspace’s Slack admins and owners. Nobody is named yet: the first person to run `/terrain setup` becomes one.',
    listHint:
      'Terrain admins choose the channel (`/terrain setup`), change the settings (`/terrain settings`) and name or remove admins (`/terrain admins add @someone`, `/terrain admins remove @someone`).',
    more: (n: number) => `${n} more`,
    added: (who: string) => `Now Terrain admin: ${who}.`,
    alreadyAdmin: (who: string) => `Already Terrain admin: ${who}.`,
    removed: (who: string) => `No longer Terrain admin: ${who}.`,
    notNamed: (who: string) =>
      `Not a named Terrain admin, so nothing to remove: ${who}. (Slack admins and owners are Terrain admins through their Slack role.)`,
    usage:
      'Mention the people: `/terrain admins add @alex`, `/terrain admins remove @alex`; `/terrain admins list` shows who the admins are.',
    plainNames:
      'Slack sent the names as plain text, so Terrain can’t tell who they are. Pick each person from Slack’s @ suggestions; if it happens again, the /terrain command needs “Escape channels, users, and links” turned on in the app’s settings.',
    youWereAdded: (by: string) =>
      `${by} made you a Terrain admin: you can now choose Terrain’s channel (\`/terrain setup\`), change its settings (\`/terrain settings\`) and name other admins (\`/terrain admins add @someone\`).`,
    firstAdmin:
      'You are this workspace’s first Terrain admin: you can change the settings, and name other admins with `/terrain admins add @someone`.',
  },

  afterwork: {
    defaultTitle: 'After-work',
    answer: { going: 'Going', maybe: 'Maybe', no: 'Can’t go', waitlisted: 'On the waitlist' } satisfies Record<RsvpAnswer, string>,
    card: {
      /** Slack's date tokens, shown in each reader's zone (and their Slack language for "Today"). */
      dateTokens: '{date_short_pretty} at {time}',
      /** dayjs format of the fallback, for clients that cannot show Slack dates. */
      dateFallback: 'ddd D MMM YYYY, HH:mm',
      when: (date: string) => `:calendar: ${date}`,
      place: (place: string) => `:round_pushpin: ${place}`,
      host: (who: string) => `Hosted by ${who}`,
      going: (n: number, names: string) => `*Going (${n}):* ${names}`,
      more: (n: number) => `+${n} more`,
      bySide: (sales: number, marketing: number) => `Sales ${sales} · Marketing ${marketing}`,
      other: (n: number) => `Other ${n}`,
      maybe: (n: number) => `${n} maybe`,
      no: (n: number) => `${n} can’t go`,
      places: (going: number, capacity: number) => `${going} of ${capacity} places taken`,
      full: (capacity: number) => `Full: all ${capacity} places are taken`,
      waitlist: (n: number, names: string) => `*Waitlist (${n}):* ${names}`,
      both: ':handshake: Both teams are represented: sales and marketing are going.',
      marketingSilent: ':hourglass_flowing_sand: Marketing has not answered yet.',
      salesSilent: ':hourglass_flowing_sand: Sales has not answered yet.',
      marketingNotGoing: ':hourglass_flowing_sand: Nobody from marketing is going yet.',
      salesNotGoing: ':hourglass_flowing_sand: Nobody from sales is going yet.',
      neitherSilent: ':hourglass_flowing_sand: Neither sales nor marketing has answered yet.',
      neitherNotGoing: ':hourglass_flowing_sand: Nobody from sales or marketing is going yet.',
      rsvpGoing: 'Going',
      rsvpMaybe: 'Maybe',
      rsvpNo: 'Can’t go',
      closed: ':lock: Answers are closed: the after-work has started.',
      cancelled: (who: string) => `:no_entry: *Cancelled* by ${who}.`,
      edit: 'Edit',
      cancel: 'Cancel it',
      confirmTitle: 'Cancel this after-work?',
      confirmText: 'The invite will say it is cancelled, and everyone who answered will get a message.',
      confirmYes: 'Yes, cancel it',
      confirmNo: 'Keep it',
      google: 'Google Calendar',
      outlook: 'Outlook',
      fallback: (title: string, when: string) => `After-work: ${title}, ${when}`,
    },
    modal: {
      title: 'New after-work',
      editTitle: 'Edit the after-work',
      submit: 'Invite',
      save: 'Save',
      close: 'Cancel',
      intro: 'Invite sales and marketing to meet away from the pipeline. Everyone sees the time in their own time zone.',
      fromText: 'Filled in from your text: check the time. What Terrain did not understand is in the note.',
      timeGuessed: (time: string) => `No time in your text, so it says ${time}: change it if needed.`,
      what: 'What',
      whatPlaceholder: 'After-work with marketing',
      when: 'When',
      where: 'Where',
      wherePlaceholder: 'Le Comptoir, 12 rue de la Paix',
      note: 'Note',
      notePlaceholder: 'Who is it for, what to bring, how to find it…',
      capacity: 'Places',
      capacityHint: 'Leave it empty for no limit. You count as one.',
      channel: 'Invite in',
    },
    errors: {
      titleEmpty: 'Give it a name.',
      tooLong: (max: number) => `Too long: ${max} characters at most.`,
      whenMissing: 'Pick a date and a time.',
      whenPast: 'That time has already passed: pick one still to come.',
      whenTooFar: 'That is more than two years away: check the year.',
      capacity: 'Enter a whole number of places, 1 or more, or leave it empty.',
      capacityBelowGoing: (n: number) => `${n} people are already going: the places cannot be fewer.`,
      noChannel: 'Pick the channel to invite: Terrain has no shared channel yet.',
      notHost: 'Only the host and Terrain admins can change or cancel this after-work, so nothing was changed.',
      cancelledAlready: 'This after-work is cancelled, so nothing was changed.',
      gone: 'Terrain cannot find this after-work any more.',
      notInChannel: (channel: string) =>
        `Your after-work is saved, but Terrain can't post in ${channel} yet. Type \`/invite @Terrain\` there: the invite will be posted right away.`,
      cardRefused: (code: string) =>
        `Your after-work is saved, but Slack refused its invite (\`${code}\`). Ask whoever runs Terrain to look at \`npx terrain outbox\`; nothing is lost.`,
    },
    rsvp: {
      closed: 'Answers for this after-work are closed: it has already started.',
      cancelled: 'This after-work was cancelled, so answers are closed.',
      hostStays: 'You are hosting, so you count as going. To call it off, use *Cancel it* on the invite.',
      waitlisted: (title: string, position: number) =>
        `*${title}* is full, so you are on the waitlist (number ${position}). If a place frees up, you will get a message.`,
    },
    dm: {
      atPlace: (place: string) => `, at *${place}*`,
      seeInvite: (link: string) => `<${link}|See the invite>`,
      promoted: (title: string, when: string, place: string) =>
        `:tada: A place freed up: you are now going to *${title}*, ${when}${place}.`,
      reminder: (title: string, when: string, place: string) => `:beers: Reminder: *${title}* starts ${when}${place}.`,
      changed: (title: string, by: string) => `:pencil2: ${by} changed *${title}*:`,
      timeChanged: (to: string, from: string) => `• When: ${to} (was ${from})`,
      placeChanged: (to: string, from: string) => `• Where: ${to} (was ${from})`,
      titleChanged: (to: string, from: string) => `• Now called *${to}* (was ${from})`,
      noPlace: 'not set',
      cancelled: (title: string, when: string, by: string) => `:no_entry: *${title}* (${when}) is cancelled: ${by} called it off.`,
    },
    digest: {
      title: ':beers: *After-works*',
      upcoming: (title: string, when: string, going: number) => `• *${title}*, ${when} · ${going} going`,
      mix: (title: string, sales: number, marketing: number, other: number) =>
        `• ${title}: ${sales} from sales, ${marketing} from marketing, ${other} other`,
      lastWeek: '_Last week’s mix:_',
      none: 'No after-work planned: `/afterwork` invites both teams.',
    },
    home: {
      title: ':beers: *Next after-work*',
      line: (title: string, when: string, going: number) => `*${title}*, ${when} · ${going} going`,
      yourAnswer: (answer: string) => `Your answer: ${answer}`,
      noAnswer: 'You have not answered yet: the buttons are on the invite.',
      none: 'No after-work planned. `/afterwork` invites both teams.',
      seeInvite: 'See the invite',
    },
  },

  digest: {
    title: (week: number, year: number) => `Terrain weekly digest · week ${week}, ${year}`,
    /** A period that is not one ISO week (a monthly schedule, a Wednesday-to-Wednesday week) is named by its dates. */
    titleDates: (range: string) => `Terrain digest · ${range}`,
    range: (from: string, to: string) => `${from} – ${to}`,
    quiet:
      'A quiet week: nothing new from the field, no votes, no changes. The next customer call is the next chance: `/feedback` takes ten seconds.',
    quietPeriod:
      'A quiet period: nothing new from the field, no votes, no changes. The next customer call is the next chance: `/feedback` takes ten seconds.',
    lead: { week: 'This week', period: 'In this period' },
    when: { week: 'this week', period: 'in this period' },
    numbers: (feedback: number, flags: number, votes: number, lead = 'This week') =>
      `*${lead}:* ${feedback} feedback · ${flags} flag${flags === 1 ? '' : 's'} · ${votes} vote${votes === 1 ? '' : 's'}`,
    bySide: (sales: string, marketing: string, other: string | null) => `*By side:* ${sales} · ${marketing}${other ? ` · ${other}` : ''}`,
    sideCounts: (side: string, items: number, votes: number) =>
      `${side} ${items} item${items === 1 ? '' : 's'}, ${votes} vote${votes === 1 ? '' : 's'}`,
    trend: (spark: string, counts: string) => `*8-week trend:* ${spark}  ${counts} _(new items per week, oldest first)_`,
    topTitle: ':trophy: *Most backed this week*',
    topTitlePeriod: ':trophy: *Most backed in this period*',
    topLine: (rank: number, item: string, added: string, total: number, revenue: string | null, customers = 0) =>
      `${rank}. ${item} — ${added} · ${total} total${customers > 0 ? ` · ${customers} customer${customers === 1 ? '' : 's'}` : ''}${revenue ? ` · ${revenue} at stake` : ''}`,
    thisWeek: (n: number, when = 'this week') => `+${n} ${when}`,
    flagsTitle: ':triangular_flag_on_post: *New flags*',
    flagLine: (item: string, author: string) => `• ${item} — ${author}`,
    movedTitle: ':arrows_counterclockwise: *What moved*',
    movedLine: (item: string, from: string, to: string) => `• ${item}: ${from} → ${to}`,
    shippedLine: (item: string, author: string, voters: number) =>
      `:tada: *Shipped:* ${item}, raised by ${author} and backed by ${voters} voter${voters === 1 ? '' : 's'}. Thank you!`,
    waitingTitle: ':hourglass_flowing_sand: *Waiting for an answer from marketing (over 7 days)*',
    waitingLine: (item: string, author: string, age: string) => `• ${item} — ${author}, ${age}`,
    responses: (answered: string, waiting: string) => `:stopwatch: *Marketing's answers:* ${answered} · ${waiting}`,
    answered: (n: number, median: string, when = 'this week') =>
      `${n} item${n === 1 ? '' : 's'} got a first answer ${when}, in ${median} (median)`,
    noneAnswered: (when = 'this week') => `no first answer ${when}`,
    stillWaiting: (n: number) => `${n} still waiting for an answer`,
    noneWaiting: 'nothing waits for an answer',
    competitorsTitle: ':eyes: *Competitors mentioned*',
    competitorLine: (name: string, count: number) => `${name} ×${count}`,
    voicesTitle: ':raised_hands: *Thank you, field voices*',
    voiceLine: (user: string, filed: number, voted: number) => `${user} (${filed} filed, ${voted} vote${voted === 1 ? '' : 's'})`,
    more: (n: number) => `…and ${n} more in the thread :thread:`,
    /** In a private preview, which has no thread. */
    moreHere: (n: number) => `…and ${n} more`,
    /** After a thread list's title: some of its items are in a list above, and each item is listed once. */
    listedAbove: (n: number) => `_(${n} listed above)_`,
    threadFiled: (n: number, when = 'this week') => `*Everything filed ${when} (${n})*`,
    threadVoted: (n: number, when = 'this week') => `*Everything voted ${when} (${n})*`,
    threadFlags: (n: number) => `*All new flags (${n})*`,
    threadMoved: (n: number) => `*Everything that moved (${n})*`,
    threadWaiting: (shown: number, total: number) =>
      shown < total ? `*The ${shown} oldest of ${total} waiting for an answer*` : `*Everything waiting for an answer (${total})*`,
    threadLine: (item: string, votes: number) => `• ${item} · ${votes} vote${votes === 1 ? '' : 's'}`,
    fallback: (week: number, feedback: number, flags: number, votes: number) =>
      `Terrain weekly digest, week ${week}: ${feedback} feedback, ${flags} flag${flags === 1 ? '' : 's'}, ${votes} vote${votes === 1 ? '' : 's'}`,
    fallbackDates: (range: string, feedback: number, flags: number, votes: number) =>
      `Terrain digest, ${range}: ${feedback} feedback, ${flags} flag${flags === 1 ? '' : 's'}, ${votes} vote${votes === 1 ? '' : 's'}`,
    /** Someone whose name Terrain could not read: named without a ping all the same. */
    someone: 'a teammate',
    previewNote: 'Preview: this is what the next digest would say if it were posted now.',
    posted: (channel: string) => `Digest posted in ${channel}.`,
    alreadyPosted: (channel: string) => `The digest for this period is already in ${channel}: nothing posted again.`,
    noChannel: 'Terrain has no shared channel yet: run `/terrain setup` in the channel where the digest should go.',
  },

  settings: {
    title: 'Terrain settings',
    save: 'Save',
    intro: (channel: string) => `The weekly digest goes to ${channel}. Choose when, and in which language.`,
    noChannel: 'No shared channel yet: run `/terrain setup` in the channel where cards and the digest should go.',
    day: 'Digest day',
    /** By cron day number. */
    days: { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 0: 'Sunday' } as Record<number, string>,
    time: 'Time',
    timezone: 'Time zone',
    timezoneHint: 'An IANA zone such as Europe/Paris or America/New_York',
    cron: 'Custom schedule (cron, optional)',
    cronHint: 'Overrides day and time, e.g. "0 9 * * 1" for Mondays at 9:00',
    language: 'Language of the digest',
    languages: { en: 'English', fr: 'Français' } as Record<string, string>,
    badTimezone: 'Unknown time zone: use a name such as Europe/Paris.',
    badCron: 'Not a valid cron expression, e.g. "0 9 * * 1".',
    saved: (next: string, zone: string, language: string) => `Saved. The next digest: ${next} (${zone}), in ${language}.`,
    button: 'Digest settings',
    currency: 'Currency of amounts at stake',
    badCurrency: 'Pick a currency from the list.',
    salesGroup: 'Sales user group (optional)',
    marketingGroup: 'Marketing user group (optional)',
    groupHint: 'Its members get this side, synced daily. Without one, everyone says their side.',
    groupPlaceholder: 'Pick a Slack user group',
    groupNone: 'None: everyone says their side',
    noUsergroups:
      'This workspace has no Slack user groups (a paid-plan feature), so everyone says their side: on Terrain’s Home tab, or when they file.',
    noUsergroupsOption: 'No user groups on this workspace',
    sameGroup: 'Pick two different groups: one for sales, one for marketing.',
    groupsSynced: (sales: number, marketing: number) =>
      `Sides now follow the user groups: ${sales} ${sales === 1 ? 'person' : 'people'} in sales, ${marketing} in marketing. Terrain syncs them every day; whoever is in neither keeps the side they said.`,
    groupGone: 'Slack no longer knows one of the groups: pick it again in the settings.',
    syncLater: 'Terrain couldn’t read the user groups just now; it will try again later today.',
    groupsCleared: 'No user group any more: everyone keeps their side and can change it on Terrain’s Home tab.',
  },

  home: {
    title: 'Terrain',
    intro: 'What the field hears, marketing reads, and the credit comes back.',
    yourItems: 'Your latest feedback and flags',
    none: 'Nothing filed yet. Try `/feedback` after your next call.',
    itemLine: (kind: string, text: string, status: string, votes: number, date = '', customers = 0) =>
      `${kind} · ${text}\n_${date ? `${date} · ` : ''}${status} · ${votes} vote${votes === 1 ? '' : 's'}${customers > 0 ? ` · ${customers} customer${customers === 1 ? '' : 's'}` : ''}_`,
    open: 'Open card',
    newFeedback: 'New feedback',
    newFlag: 'New flag',
    waitingTitle: (n: number) => `Waiting for an answer (${n})`,
    waitingIntro: 'Oldest first. Answer on the card: whoever filed or voted hears it.',
    waitingNone: 'Nothing waits for an answer: the field has heard back on everything.',
    waitingLine: (text: string, waited: string, backing: string) => `${text}\n_Waiting ${waited} · ${backing}_`,
    more: (n: number) => `…and ${n} more, more recent.`,
    from: (name: string) => `from ${name}`,
    topTitle: 'Top open items this week',
    topNone: 'No open item was filed or voted for this week yet.',
    topLine: (rank: number, text: string, status: string, backing: string) => `${rank}. ${text}\n_${status} · ${backing}_`,
    votes: (n: number) => `${n} vote${n === 1 ? '' : 's'}`,
    customers: (n: number) => `${n} customer${n === 1 ? '' : 's'}`,
    atStake: (amount: string) => `${amount} at stake`,
    sideKnown: (side: string) => `*Your side:* ${side}. The weekly digest counts by side; change it with one click.`,
    sideUnknown: '*Your side:* not said yet. Which side are you on? The weekly digest counts by side.',
    sidesFromGroups: 'Sides also follow the workspace’s sales and marketing user groups, synced every day.',
    updatesOn: '*Updates:* you get a message when something you filed or voted for moves.',
    updatesMuted: '*Updates are muted:* no messages about what becomes of what you filed or voted for.',
    mute: 'Mute',
    unmute: 'Unmute',
    nextDigest: (when: string) => `Next weekly digest: ${when} (your time).`,
    noDigest: 'No weekly digest yet: a Terrain admin runs `/terrain setup` in the channel where it should go.',
    help: (emoji: string) =>
      [
        '*How Terrain works*',
        '• *File* what you hear: the buttons at the top, or `/feedback what the customer said` in any channel. Without text, a form asks for the customer, the revenue at stake and the rest.',
        '• *Flag* a product, campaign or asset that misses what customers need: `/flag what misses, and why`.',
        '• *Turn a message into feedback:* its ⋮ menu → *Send to Terrain*.',
        `• *Vote* by reacting to a card with :${emoji}: (one vote per person).`,
        '• *Hear back:* when marketing answers on a card, whoever filed or voted gets a message; when it ships, the credit goes to the field.',
        '• Every command: `/terrain help`.',
      ].join('\n'),
  },

  sides: {
    current: (side: string) => `✓ ${side}`,
    change: 'Not right? Pick another one here, or on Terrain’s Home tab.',
  },
  /** Before a new item is posted: open items that look alike, and what the filer chooses. */
  similar: {
    intro: (minutes: number) =>
      `*Looks like this was already raised.* If one of these says the same, vote for it instead: one card with every vote weighs more. If not, yours goes on the board in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    line: (handle: string, excerpt: string, status: string, votes: number) =>
      `${handle} ${excerpt}\n_${status} · ${votes} vote${votes === 1 ? '' : 's'}_`,
    voteInstead: 'Vote for this one instead',
    postAnyway: 'Post mine anyway',
    posting: 'Posting yours now.',
    voted: (handle: string, votes: number) =>
      `Done: your vote is on ${handle}, which now has ${votes} vote${votes === 1 ? '' : 's'}. Yours was not posted; what you wrote is kept with it. You’ll hear what becomes of it.`,
    alreadyVoted: (handle: string) => `Already done: your vote is on ${handle}, and yours was not posted.`,
    notYours: 'Only the person who filed it can choose what becomes of it.',
    gone: 'That item is no longer in Terrain.',
  },

  search: {
    /** How an item is named in Terrain's messages and typed in `/terrain merge` (the number on its card). */
    handle: (id: number) => `#${id}`,
    /** An item's words quoted inline. */
    quoted: (text: string) => `“${text}”`,
    usage: 'Say what to look for, for example `/terrain search offline mode`.',
    none: (words: string) => `Nothing matches “${words}”. Try other words; if it’s new, file it with \`/feedback\`.`,
    found: (words: string) => `*Best matches for “${words}”*`,
    someWords: (words: string) => `*Nothing holds all of “${words}”; these hold some of it*`,
    line: (handle: string, kind: string, status: string, votes: number, customers: number) =>
      `${handle} · ${kind} · *${status}* · ${votes} vote${votes === 1 ? '' : 's'} · ${customers} customer${customers === 1 ? '' : 's'}`,
    more: 'More items match: add a word to narrow it down.',
  },

  merge: {
    usage: 'Name the duplicate, then the item it repeats, with the numbers on their cards: `/terrain merge #42 #17` merges #42 into #17.',
    refused:
      'Only marketing and Terrain admins can merge items, so nothing was changed. Ask someone in marketing, or a Terrain admin (`/terrain admins` says who).',
    unknown: (handle: string) => `There is no item ${handle} in this workspace: check the number at the bottom of its card.`,
    sameItem: (handle: string) => `${handle} can’t be merged into itself: name the item it repeats.`,
    cycle: (duplicate: string, original: string) =>
      `${original} was merged into ${duplicate} already, so ${duplicate} can’t be merged into it. Nothing was changed.`,
    alreadyMerged: (duplicate: string, into: string) => `${duplicate} is already merged into ${into}. Nothing was changed.`,
    alreadyDone: (duplicate: string, into: string) => `${duplicate} was already merged into ${into}: nothing more to do.`,
    done: (duplicate: string, original: string, votes: number, customers: number) =>
      `Done: ${duplicate} is merged into ${original}, which now counts ${votes} vote${votes === 1 ? '' : 's'} and ${customers} customer${customers === 1 ? '' : 's'}, each person and account once. Both cards say so.`,
    followed: (original: string, root: string) => `${original} had been merged into ${root} before, so it went there.`,
    toDuplicateAuthor: (duplicate: string, original: string, by: string) =>
      `${by} found that your ${duplicate} says the same as ${original}, and merged them: its votes and customers count there now, and you are credited on its card. You’ll hear what becomes of it.`,
    toOriginalAuthor: (author: string, duplicate: string, original: string, by: string, votes: number) =>
      `${by} merged ${duplicate} by ${author} into your ${original}, which said the same: it now counts ${votes} vote${votes === 1 ? '' : 's'}.`,
    credit: (author: string, duplicate: string) => `${author} raised this too (${duplicate}):`,
    modalTitle: 'Merge a duplicate',
    modalIntro: (duplicate: string) =>
      `Which item does ${duplicate} repeat? Its votes and customers will count there, each person and account once.`,
    pick: 'The original',
    pickPlaceholder: 'Items that look alike',
    byNumber: 'Or its number',
    byNumberHint: 'As on its card, for example #17',
    submit: 'Merge',
    needOne: 'Pick the original, or type its number.',
  },
};

export type Messages = typeof en;
