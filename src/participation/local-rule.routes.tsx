/** A Danish municipality's own rule for citizens' proposals over HTTP: parse, authorise, call, render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../platform/auth/model.js';
import { actorOf, formField, formVersion } from '../platform/http/input.js';
import { notFound } from '../platform/http/problems.js';
import { isRefused } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import { translate } from '../platform/ui/translate.js';
import { LOCAL_RULE_DEFAULT, localRuleProblems } from './model.js';
import { LOCAL_RULE_PATH, LocalRulePage } from './pages/local-rule.js';
import { explainProblem } from './problems.js';
import { findLocalRule } from './store.js';
import { localRuleMunicipality, setLocalRule } from './use-cases.js';

export { LOCAL_RULE_PATH };

const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 200 } };

export function localRuleRoutes(app: FastifyInstance) {
  const db = app.database.db;

  /** The Danish municipality the case worker sets the rule for; others (Norwegian ones follow the law) are not offered the page. */
  const municipalityOf = async (request: FastifyRequest) => {
    const area = await localRuleMunicipality(db, request.principal!);
    if (!area) throw notFound();
    return area;
  };

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values?: { enabled: boolean; signatures: string; decisionMonths: string },
    errors: FieldError[] = [],
  ) => {
    const area = await municipalityOf(request);
    const stored = await findLocalRule(db, area.code);
    const rule = stored ?? LOCAL_RULE_DEFAULT;
    reply.code(status);
    return reply.html(
      <LocalRulePage
        ctx={reply.pageContext()}
        name={area.name}
        values={values ?? { enabled: rule.enabled, signatures: String(rule.signatures), decisionMonths: String(rule.decisionMonths) }}
        version={stored?.version ?? 0}
        changedAt={stored?.changedAt}
        errors={errors}
        notice={(request.query as { done?: string }).done === 'saved' ? request.t('participation.local.saved') : undefined}
      />,
    );
  };

  app.get(LOCAL_RULE_PATH, { config: { access: access.roles('case_worker') } }, async (request, reply) => render(request, reply, 200));

  app.post(LOCAL_RULE_PATH, { config: { access: access.roles('case_worker') }, schema: { body: formBody } }, async (request, reply) => {
    const area = await municipalityOf(request);
    const version = formVersion(request.body);
    const values = {
      enabled: formField(request.body, 'enabled') === 'yes',
      signatures: formField(request.body, 'signatures') ?? '',
      decisionMonths: formField(request.body, 'decisionMonths') ?? '',
    };
    const checked = localRuleProblems(values);
    if (Array.isArray(checked))
      return render(
        request,
        reply,
        400,
        values,
        checked.map((p) => ({
          field: p.field,
          message: translate(request.locale, 'participation.local.outOfRange', { min: p.min, max: p.max }),
        })),
      );
    const saved = await setLocalRule(db, area.code, version, checked, request.principal!, actorOf(request));
    if (isRefused(saved)) {
      const explained = explainProblem(reply.pageContext(), saved.problem);
      return render(request, reply, explained.status, values, [{ field: 'actions', message: explained.message }]);
    }
    return reply.redirect(`${LOCAL_RULE_PATH}?lang=${request.locale}&done=saved`, 303);
  });
}
