// Los mensajes del servidor en español (véase en.ts).
import type { MailKey } from './en.ts';

export const es: Record<MailKey, string> = {
  'mail.hello': 'Hola:',
  'mail.helloName': 'Hola, {name}:',
  'mail.and': 'y',

  'signIn.subject': 'Su enlace para iniciar sesión en Convene',
  'signIn.intro':
    'Use este enlace para iniciar sesión en Convene. Sirve una sola vez, en los próximos {minutes, plural, one {# minuto} other {# minutos}}:',
  'signIn.ignore': 'Si no pidió iniciar sesión, ignore este mensaje: sin el enlace no ocurre nada.',
  'signIn.button': 'Iniciar sesión en Convene',

  'invite.subject': 'Invitación: {summit}',
  'invite.role':
    'Se le ha asignado una función en {summit}: {role, select, support_unit {unidad de apoyo} visitor {visitante} other {{role}}}.',
  'invite.delegationRole':
    'Se le ha asignado una función en {summit}: {role, select, focal_point {punto focal} other {delegado}} de {delegation}, una delegación de {size, plural, one {# delegado} other {# delegados}}.',
  'invite.how':
    'Inicie sesión con esta dirección de correo electrónico; recibirá un enlace, sin necesidad de contraseña:',
  'invite.button': 'Iniciar sesión',

  'proposal.titled': '«{title}»',
  'proposal.untitled': '(todavía sin título)',
  'proposal.by': '{proposal} presentada por {organisers}',
  'proposal.aSideEvent': 'evento paralelo',
  'proposal.aProposal': 'propuesta de evento paralelo',
  'proposal.theSupportUnit': 'la unidad de apoyo',
  'proposal.supportUnitWrites': 'La unidad de apoyo escribe:',
  'proposal.someoneWrites': '{who} escribe:',
  'proposal.see': 'Ver la propuesta',
  'proposal.submitted.subject': 'Propuesta recibida: {title}',
  'proposal.submitted.says':
    'La unidad de apoyo de {summit} ha recibido la propuesta de evento paralelo {proposal}.',
  'proposal.submitted.late':
    'Llegó después de la fecha límite, y la unidad de apoyo la ha admitido de todos modos.',
  'proposal.submitted.next': 'Ahora se examinará; la unidad de apoyo le responderá por correo electrónico.',
  'proposal.submitted.link': 'Leer la propuesta y seguir su examen',
  'proposal.changes.subject': 'Cambios solicitados: {title}',
  'proposal.changes.says':
    'La unidad de apoyo de {summit} solicita cambios en la propuesta de evento paralelo {proposal} antes de decidir.',
  'proposal.changes.next': 'Modifique la propuesta y vuelva a presentarla.',
  'proposal.changes.link': 'Modificar la propuesta',
  'proposal.accepted.subject': 'Aceptada: {title}',
  'proposal.accepted.says': 'La propuesta de evento paralelo {proposal} ha sido aceptada para {summit}.',
  'proposal.accepted.next':
    'La unidad de apoyo asignará ahora una sala y un horario al evento; la página de la propuesta los mostrará.',
  'proposal.rejected.subject': 'No aceptada: {title}',
  'proposal.rejected.says':
    'La unidad de apoyo de {summit} no ha podido aceptar la propuesta de evento paralelo {proposal}.',
  'proposal.withdrawn.subject': 'Retirada: {title}',
  'proposal.withdrawn.says':
    'La propuesta de evento paralelo {proposal} para {summit} ha sido retirada por {who}.',
  'proposal.extended.subject': 'Más tiempo para presentar: {title}',
  'proposal.extended.says':
    'La unidad de apoyo de {summit} ha ampliado el plazo de la propuesta de evento paralelo {proposal}: puede presentarse hasta el {until}.',
  'proposal.extended.link': 'Completar y presentar la propuesta',
  'proposal.comment.subject': 'Mensaje de la unidad de apoyo: {title}',
  'proposal.comment.says':
    'La unidad de apoyo de {summit} escribe sobre la propuesta de evento paralelo {proposal}:',
  'proposal.comment.link': 'Leer la propuesta y responder',
  'proposal.organiserComment.subject': 'Mensaje de un organizador: {title}',
  'proposal.organiserComment.says':
    '{who} escribe sobre la propuesta de evento paralelo {proposal} para {summit}:',
  'proposal.organiserComment.link': 'Leer la propuesta en el espacio de examen',

  'consultation.at': 'en {table}, el {when}',
  'consultation.atUnset': 'en una mesa y a una hora que fijará la unidad de apoyo',
  'consultation.requested.subject': 'Consulta solicitada: {need}',
  'consultation.requested.says':
    '{providers} solicita una consulta con {owner} sobre la necesidad «{need}», {at}, en el Marketplace de {summit}.',
  'consultation.requested.next':
    'El horario queda reservado para usted hasta que acepte o rechace la solicitud, o hasta que caduque.',
  'consultation.requested.link': 'Aceptar o rechazar la solicitud',
  'consultation.accepted.subject': 'Consulta aceptada: {need}',
  'consultation.accepted.says':
    '{owner} ha aceptado la consulta sobre «{need}» con {providers}, {at}, en el Marketplace de {summit}.',
  'consultation.accepted.next': 'Ya figura en la agenda de su delegación.',
  'consultation.accepted.link': 'Ver la consulta',
  'consultation.declined.subject': 'Consulta rechazada: {need}',
  'consultation.declined.says': '{owner} ha rechazado la consulta sobre «{need}» solicitada por {providers}.',
  'consultation.declined.saysWhen':
    '{owner} ha rechazado la consulta sobre «{need}» solicitada por {providers} para el {when}.',
  'consultation.declined.next': 'El horario vuelve a estar libre; puede solicitar otro.',
  'consultation.declined.link': 'Ver la necesidad y sus otros horarios',
  'consultation.cancelled.subject': 'Consulta cancelada: {need}',
  'consultation.cancelled.says':
    'La consulta sobre «{need}» entre {owner} y {providers}, {at}, ha sido cancelada.',
  'consultation.cancelled.next': 'Su horario vuelve a estar libre.',
  'consultation.cancelled.link': 'Ver el Marketplace',
  'consultation.scheduled.subject': 'Consulta programada: {need}',
  'consultation.scheduled.says':
    'La unidad de apoyo ha programado la consulta sobre «{need}» entre {owner} y {providers} {at}, en el Marketplace de {summit}.',
  'consultation.scheduled.next': 'Ya figura en la agenda de su delegación.',
  'consultation.scheduled.link': 'Ver la consulta',

  'session.new.subject': 'Invitación: {title}',
  'session.new.lead': 'Está invitado como {roles} a «{title}», {at}.',
  'session.changed.subject': 'Invitación modificada: {title}',
  'session.changed.lead': '«{title}», en la que participa como {roles}, ha cambiado: ahora es {at}.',
  'session.cancelled.subject': 'Cancelada: {title}',
  'session.cancelled.lead': '«{title}», {at}, queda cancelada.',
  'session.removed.subject': 'Cancelada para usted: {title}',
  'session.removed.lead': 'Ya no participa en «{title}», {at}.',
  'session.page': '{summit}: la sesión',
  'session.willYouAttend': '¿Asistirá?',
  'session.calendarRemoves': 'Su calendario elimina el evento al abrir este mensaje.',
  'session.yourRole': 'Su función: {roles}',
  'rsvp.accepted': 'Asistiré',
  'rsvp.tentative': 'Quizás',
  'rsvp.declined': 'No asistiré',
  'role.co_chair': 'copresidente',
  'role.rapporteur': 'relator',
  'role.thematic_lead': 'responsable temático',
  'role.moderator': 'moderador',
  'role.panellist': 'panelista',
  'role.speaker': 'orador',
  'role.organiser': 'organizador',
  'role.owner': 'titular de la necesidad',
  'role.provider': 'proveedor',
  'role.participant': 'participante',
  'role.observer': 'observador',
  'role.visitor': 'visitante',

  'date.moment': '{day} a las {time} ({zone})',

  'csv.day': 'Día',
  'csv.start': 'Inicio',
  'csv.end': 'Fin',
  'csv.room': 'Sala',
  'csv.title': 'Título',
  'csv.kind': 'Tipo',
  'csv.segment': 'Segmento',
  'csv.participants': 'Participantes',
  'kind.plenary': 'Sesión plenaria',
  'kind.roundtable': 'Mesa redonda',
  'kind.side_event': 'Evento paralelo',
  'kind.marketplace_consultation': 'Consulta del Marketplace',
  'kind.special_session': 'Sesión especial',
  'kind.meeting': 'Reunión',
  'export.named': '{role}: {names}.',
  'export.role.co_chair': 'Copresidencia',
  'export.role.rapporteur': 'Relatores',
  'export.role.thematic_lead': 'Responsables temáticos',
  'export.role.moderator': 'Moderación',
  'export.role.panellist': 'Panelistas',
  'export.role.speaker': 'Oradores',
  'export.role.organiser': 'Organizadores',
  'export.role.owner': 'Solicitantes',
  'export.role.provider': 'Proveedores',
  'export.role.participant': 'Participantes',
  'export.role.observer': 'Observadores',
  'export.role.visitor': 'Visitantes',
};
