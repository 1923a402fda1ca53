import type { Catalogue, MessageKey } from '../i18n.js';

/** The shared texts: German, every one. Keys missing here fall back to English. */
export default {
  'state.loading': 'Wird geladen…',
  'state.empty': 'Keine Einträge.',
  'state.noClient':
    'Kein API-Client: Umschließen Sie dieses Element mit <customer-elements-provider base-url=…> oder setzen Sie seine client-Eigenschaft.',
  'action.retry': 'Erneut versuchen',
  'action.save': 'Speichern',
  'action.saving': 'Wird gespeichert…',
  'action.cancel': 'Abbrechen',
  'action.edit': 'Bearbeiten',
  'action.close': 'Schließen',
  'action.remove': 'Entfernen',
  'error.network': 'Der Server ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  'error.timeout': 'Der Server hat zu lange nicht geantwortet. Versuchen Sie es erneut.',
  'error.http': 'Der Server konnte die Anfrage nicht ausführen (Fehler {status}). Versuchen Sie es erneut.',
  'error.httpNoStatus': 'Der Server konnte die Anfrage nicht ausführen. Versuchen Sie es erneut.',
  'error.validation': 'Einige Angaben müssen korrigiert werden. Prüfen Sie die markierten Felder.',
  'error.conflict':
    'Jemand anderes hat dies inzwischen geändert. Laden Sie neu, um die Änderungen zu sehen, und versuchen Sie es dann erneut.',
  'error.unauthorized': 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.',
  'error.forbidden': 'Dazu fehlt Ihnen die Berechtigung.',
  'error.notFound': 'Dieser Datensatz existiert nicht mehr, oder Sie dürfen ihn nicht sehen.',
  'error.invalidResponse':
    'Die Antwort des Servers ist unlesbar. Versuchen Sie es erneut oder wenden Sie sich an Ihre Administration.',
  'error.unknown': 'Etwas ist schiefgegangen. Versuchen Sie es erneut.',
  'write.unconfirmed':
    'Wir konnten nicht bestätigen, ob dies gespeichert wurde. Ihr Text bleibt erhalten; erneutes Speichern speichert ihn nicht doppelt.',
  'write.unconfirmedAction':
    'Wir konnten nicht bestätigen, ob dies ausgeführt wurde. Ein erneuter Versuch führt es nicht doppelt aus.',
  'permissions.failed': 'Ihre Berechtigungen konnten nicht geladen werden, daher ist Bearbeiten ausgeschaltet.',
  'conflict.hint': 'Laden Sie neu, um deren Fassung zu übernehmen; Ihre Eingaben bleiben erhalten.',
  'conflict.checking': 'Änderungen werden geprüft…',
  'conflict.changed': 'Geändert, seit Sie es geöffnet haben:',
  'conflict.change': '{field}: {from} → {to}',
  'conflict.nothingShown': 'Hier angezeigte Werte sind unverändert.',
  'conflict.rereadFailed': 'Die neueste Fassung konnte nicht geladen werden. Laden Sie neu, um es erneut zu versuchen.',
  'conflict.reloaded': 'Neu geladen. Ihre Eingaben liegen über deren Fassung: prüfen Sie sie und speichern Sie erneut.',
  'action.reload': 'Neu laden',
  'limit.counter': '{count} / {max}',
  'limit.counterLong': '{count} von {max} Zeichen',
  'limit.reached': '{label}: Höchstlänge von {max} Zeichen erreicht.',
  'limit.over': '{label} darf höchstens {max} Zeichen lang sein: Entfernen Sie {excess} Zeichen.',
  'limit.overStatus': '{label} ist länger als {max} Zeichen.',
} satisfies Catalogue<MessageKey>;
