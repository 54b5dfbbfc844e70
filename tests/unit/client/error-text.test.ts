// A refused request as the app says it: by its problems' codes in the reader's language, or, when
// the server gave none (signed out, not allowed, gone), by its status in the reader's words.
import { describe, expect, it } from 'vitest';
import { errorText } from '../../../client/src/components/status.tsx';
import { ApiError } from '../../../client/src/lib/api.ts';
import { translator } from '../../../client/src/lib/i18n.tsx';

const fr = translator('fr');
const es = translator('es');

describe('a refusal in the reader’s language', () => {
  it('says a 403 or 404 without a code by its status, not the server’s English', () => {
    const forbidden = new ApiError(403, [{ path: '', message: 'only the support unit may do this' }]);
    expect(errorText(fr, forbidden, 'fr-FR')).toBe('Vous n’êtes pas autorisé à effectuer cette action.');
    const gone = new ApiError(404, [{ path: '', message: 'session "rt-9" not found' }]);
    expect(errorText(es, gone, 'es-ES')).toBe('Esto ya no existe, o no tiene acceso a ello.');
    expect(errorText(es, new ApiError(401, []), 'es-ES')).toBe(
      'Su sesión ha terminado: vuelva a iniciar sesión para hacerlo.',
    );
  });

  it('says a coded problem from its code even on a 404, and a bare 500 in words', () => {
    const unknown = new ApiError(404, [
      {
        path: 'delegation',
        message: 'unknown delegation "XX"',
        code: 'unknownKey',
        params: { kind: 'delegation', key: 'XX' },
      },
    ]);
    expect(errorText(fr, unknown, 'fr-FR')).not.toBe(
      'Cet élément n’existe plus, ou vous n’y avez pas accès.',
    );
    expect(errorText(fr, new ApiError(500, []), 'fr-FR')).toBe(
      'Le serveur n’a pas pu effectuer cette action. Réessayez dans un instant.',
    );
  });
});
