// Who may create, change, replace, export and delete whole summits.
import { type Actor, isAdmin } from '../../core/actor.ts';
import { allowed, forbidden, type Verdict } from '../../core/outcome.ts';
import type { SummitRoles } from '../../core/roles.ts';

export const summitsPolicy = {
  /** A new summit: administrators only. Replacing one: its support unit too. */
  mayImport(actor: Actor, existing: SummitRoles | null): Verdict {
    if (isAdmin(actor) || existing?.supportUnit) return allowed;
    return forbidden(
      existing
        ? 'only the support unit of this summit may replace it'
        : 'only an administrator may create a summit',
      'summit.slug',
    );
  },
  mayChange(roles: SummitRoles): Verdict {
    return roles.supportUnit
      ? allowed
      : forbidden("only the support unit may change the summit's own fields");
  },
  mayExport(roles: SummitRoles): Verdict {
    return roles.supportUnit
      ? allowed
      : forbidden('only the support unit may export the summit (it holds e-mail addresses)');
  },
  mayDelete(actor: Actor): Verdict {
    return isAdmin(actor) ? allowed : forbidden('only an administrator may delete a summit');
  },
};
