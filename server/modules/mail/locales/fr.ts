// Les messages du serveur en français (voir en.ts).
import type { MailKey } from './en.ts';

export const fr: Record<MailKey, string> = {
  'mail.hello': 'Bonjour,',
  'mail.helloName': 'Bonjour {name},',
  'mail.and': 'et',

  'signIn.subject': 'Votre lien de connexion à Convene',
  'signIn.intro':
    'Utilisez ce lien pour vous connecter à Convene. Il ne sert qu’une fois, dans les {minutes, plural, one {# minute} other {# minutes}} :',
  'signIn.ignore':
    'Si vous n’avez pas demandé à vous connecter, ignorez ce message : rien ne se passe sans le lien.',
  'signIn.button': 'Se connecter à Convene',

  'invite.subject': 'Invitation : {summit}',
  'invite.role':
    'Un rôle vous a été attribué pour {summit} : {role, select, support_unit {unité d’appui} visitor {visiteur} other {{role}}}.',
  'invite.delegationRole':
    'Un rôle vous a été attribué pour {summit} : {role, select, focal_point {point focal} other {délégué}} pour {delegation}, une délégation de {size, plural, one {# délégué} other {# délégués}}.',
  'invite.how': 'Connectez-vous avec cette adresse électronique ; vous recevrez un lien, sans mot de passe :',
  'invite.button': 'Se connecter',

  'proposal.titled': '« {title} »',
  'proposal.untitled': '(encore sans titre)',
  'proposal.by': '{proposal} présentée par {organisers}',
  'proposal.aSideEvent': 'manifestation parallèle',
  'proposal.aProposal': 'proposition de manifestation parallèle',
  'proposal.theSupportUnit': 'l’unité d’appui',
  'proposal.supportUnitWrites': 'L’unité d’appui écrit :',
  'proposal.someoneWrites': '{who} écrit :',
  'proposal.see': 'Voir la proposition',
  'proposal.submitted.subject': 'Proposition reçue : {title}',
  'proposal.submitted.says':
    'L’unité d’appui de {summit} a bien reçu la proposition de manifestation parallèle {proposal}.',
  'proposal.submitted.late':
    'Elle est arrivée après la date limite, et l’unité d’appui l’a tout de même acceptée.',
  'proposal.submitted.next': 'Elle va maintenant être examinée ; l’unité d’appui vous répondra par courriel.',
  'proposal.submitted.link': 'Lire la proposition et suivre son examen',
  'proposal.changes.subject': 'Modifications demandées : {title}',
  'proposal.changes.says':
    'L’unité d’appui de {summit} demande des modifications à la proposition de manifestation parallèle {proposal} avant de se prononcer.',
  'proposal.changes.next': 'Modifiez la proposition, puis soumettez-la de nouveau.',
  'proposal.changes.link': 'Modifier la proposition',
  'proposal.accepted.subject': 'Acceptée : {title}',
  'proposal.accepted.says':
    'La proposition de manifestation parallèle {proposal} a été acceptée pour {summit}.',
  'proposal.accepted.next':
    'L’unité d’appui va maintenant attribuer une salle et un horaire à la manifestation ; la page de la proposition les indiquera.',
  'proposal.rejected.subject': 'Non retenue : {title}',
  'proposal.rejected.says':
    'L’unité d’appui de {summit} n’a pas pu retenir la proposition de manifestation parallèle {proposal}.',
  'proposal.withdrawn.subject': 'Retirée : {title}',
  'proposal.withdrawn.says':
    'La proposition de manifestation parallèle {proposal} pour {summit} a été retirée par {who}.',
  'proposal.extended.subject': 'Délai prolongé : {title}',
  'proposal.extended.says':
    'L’unité d’appui de {summit} a prolongé le délai de la proposition de manifestation parallèle {proposal} : elle peut être soumise jusqu’au {until}.',
  'proposal.extended.link': 'Compléter et soumettre la proposition',
  'proposal.comment.subject': 'Message de l’unité d’appui : {title}',
  'proposal.comment.says':
    'L’unité d’appui de {summit} écrit au sujet de la proposition de manifestation parallèle {proposal} :',
  'proposal.comment.link': 'Lire la proposition et répondre',
  'proposal.organiserComment.subject': 'Message d’un organisateur : {title}',
  'proposal.organiserComment.says':
    '{who} écrit au sujet de la proposition de manifestation parallèle {proposal} pour {summit} :',
  'proposal.organiserComment.link': 'Lire la proposition dans l’espace d’examen',

  'consultation.at': 'à {table}, {when}',
  'consultation.atUnset': 'à une table et une heure que l’unité d’appui fixera',
  'consultation.requested.subject': 'Consultation demandée : {need}',
  'consultation.requested.says':
    '{providers} demande une consultation avec {owner} sur le besoin « {need} », {at}, au Marketplace de {summit}.',
  'consultation.requested.next':
    'Le créneau vous est réservé jusqu’à ce que vous acceptiez ou refusiez la demande, ou qu’elle expire.',
  'consultation.requested.link': 'Accepter ou refuser la demande',
  'consultation.accepted.subject': 'Consultation acceptée : {need}',
  'consultation.accepted.says':
    '{owner} a accepté la consultation sur « {need} » avec {providers}, {at}, au Marketplace de {summit}.',
  'consultation.accepted.next': 'Elle figure désormais dans l’agenda de votre délégation.',
  'consultation.accepted.link': 'Voir la consultation',
  'consultation.declined.subject': 'Consultation refusée : {need}',
  'consultation.declined.says': '{owner} a refusé la consultation sur « {need} » demandée par {providers}.',
  'consultation.declined.saysWhen':
    '{owner} a refusé la consultation sur « {need} » demandée par {providers} pour le {when}.',
  'consultation.declined.next': 'Le créneau est de nouveau libre ; vous pouvez en demander un autre.',
  'consultation.declined.link': 'Voir le besoin et ses autres créneaux',
  'consultation.cancelled.subject': 'Consultation annulée : {need}',
  'consultation.cancelled.says':
    'La consultation sur « {need} » entre {owner} et {providers}, {at}, a été annulée.',
  'consultation.cancelled.next': 'Son créneau est de nouveau libre.',
  'consultation.cancelled.link': 'Voir le Marketplace',
  'consultation.scheduled.subject': 'Consultation programmée : {need}',
  'consultation.scheduled.says':
    'L’unité d’appui a programmé la consultation sur « {need} » entre {owner} et {providers} {at}, au Marketplace de {summit}.',
  'consultation.scheduled.next': 'Elle figure désormais dans l’agenda de votre délégation.',
  'consultation.scheduled.link': 'Voir la consultation',

  'session.new.subject': 'Invitation : {title}',
  'session.new.lead': 'Vous êtes invité en tant que {roles} à « {title} », {at}.',
  'session.changed.subject': 'Invitation modifiée : {title}',
  'session.changed.lead':
    '« {title} », où vous intervenez en tant que {roles}, a changé : la séance a désormais lieu {at}.',
  'session.cancelled.subject': 'Annulée : {title}',
  'session.cancelled.lead': '« {title} », {at}, est annulée.',
  'session.removed.subject': 'Annulée pour vous : {title}',
  'session.removed.lead': 'Vous ne participez plus à « {title} », {at}.',
  'session.page': '{summit} : la séance',
  'session.willYouAttend': 'Serez-vous présent ?',
  'session.calendarRemoves': 'Votre agenda retire l’événement à l’ouverture de ce message.',
  'session.yourRole': 'Votre rôle : {roles}',
  'rsvp.accepted': 'Je serai présent',
  'rsvp.tentative': 'Peut-être',
  'rsvp.declined': 'Je ne serai pas présent',
  'role.co_chair': 'coprésident',
  'role.rapporteur': 'rapporteur',
  'role.thematic_lead': 'chef de file thématique',
  'role.moderator': 'modérateur',
  'role.panellist': 'panéliste',
  'role.speaker': 'intervenant',
  'role.organiser': 'organisateur',
  'role.owner': 'porteur du besoin',
  'role.provider': 'partenaire d’appui',
  'role.participant': 'participant',
  'role.observer': 'observateur',
  'role.visitor': 'visiteur',

  'date.moment': '{day} à {time} ({zone})',

  'csv.day': 'Jour',
  'csv.start': 'Début',
  'csv.end': 'Fin',
  'csv.room': 'Salle',
  'csv.title': 'Titre',
  'csv.kind': 'Type',
  'csv.segment': 'Segment',
  'csv.participants': 'Participants',
  'kind.plenary': 'Séance plénière',
  'kind.roundtable': 'Table ronde',
  'kind.side_event': 'Manifestation parallèle',
  'kind.marketplace_consultation': 'Consultation du Marketplace',
  'kind.special_session': 'Séance spéciale',
  'kind.meeting': 'Réunion',
  'export.named': '{role} : {names}.',
  'export.role.co_chair': 'Coprésidence',
  'export.role.rapporteur': 'Rapporteurs',
  'export.role.thematic_lead': 'Responsables thématiques',
  'export.role.moderator': 'Modération',
  'export.role.panellist': 'Panélistes',
  'export.role.speaker': 'Intervenants',
  'export.role.organiser': 'Organisateurs',
  'export.role.owner': 'Demandeurs',
  'export.role.provider': 'Prestataires',
  'export.role.participant': 'Participants',
  'export.role.observer': 'Observateurs',
  'export.role.visitor': 'Visiteurs',
};
