/**
 * Webhook administration (admins only): register an endpoint (its signing secret is shown once),
 * list endpoints, disable one, read the delivery log, and queue a delivery again.
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { appendAudit } from "../data/audit.ts";
import {
  disableEndpoint,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
  redeliver,
  type WebhookDelivery,
  type WebhookEndpoint,
} from "../data/webhooks.ts";
import { fail } from "../errors.ts";
import { ID_PATTERN, input, is } from "../input/parsers.ts";
import { can, procedure } from "../trpc.ts";

const endpointId = is.string({
  min: 1,
  max: 100,
  pattern: /^whe_[0-9a-f]+$/,
  what: "an endpoint id (whe_…)",
});
const deliveryId = is.string({ min: 1, max: 100, pattern: /^dlv_[0-9a-f]+$/, what: "a delivery id (dlv_…)" });

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * An endpoint URL: https anywhere; plain http only to this machine (local development), unless the
 * server runs with `TESSERA_WEBHOOK_ALLOW_HTTP=1`. No credentials in the URL: the signature
 * authenticates the sender, and the URL is shown in the admin's list.
 */
export function checkEndpointUrl(raw: string, allowHttp: boolean): string {
  const refuse = (message: string): never =>
    fail("BAD_REQUEST", message, {
      diagnostics: [{ code: "webhook.url", severity: "error", pointer: "/url", message }],
    });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse(
      `"${raw}" is not a URL; give the full address, e.g. https://billing.example.com/hooks/tessera.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    refuse(`A webhook endpoint must be an https:// address, not ${url.protocol}.`);
  if (url.protocol === "http:" && !allowHttp && !LOOPBACK.test(url.hostname))
    refuse(
      "A webhook endpoint must use https:// (plain http is accepted only for this machine, for development).",
    );
  if (url.username || url.password)
    refuse("Leave credentials out of the URL; receivers check the signature instead.");
  url.hash = "";
  return url.toString();
}

export const webhooksRouter = {
  list: procedure(can.administer).query(
    ({ ctx }): Promise<WebhookEndpoint[]> => listEndpoints(ctx.services.db),
  ),

  create: procedure(can.administer)
    .input(
      input(
        is.object({
          url: is.string({ min: 1, max: 2000, what: "a URL" }),
          description: is.optional(is.string({ max: 200 })),
          catalogId: is.optional(is.string({ min: 1, max: 80, pattern: ID_PATTERN, what: "a catalog id" })),
        }),
      ),
    )
    .mutation(async ({ ctx, input }): Promise<{ endpoint: WebhookEndpoint; secret: string }> => {
      const url = checkEndpointUrl(input.url, ctx.services.webhooks.allowHttp);
      return ctx.services.db.transaction(async (tx) => {
        const created = await insertEndpoint(tx, {
          url,
          description: input.description ?? "",
          catalogId: input.catalogId ?? null,
          createdBy: ctx.principal.tokenId,
        });
        await appendAudit(tx, {
          actor: ctx.principal.tokenId,
          action: "webhook.create",
          subject: `webhook:${created.endpoint.id}`,
          detail: { url, catalogId: input.catalogId ?? null },
        });
        return created;
      });
    }),

  disable: procedure(can.administer)
    .input(input(is.object({ id: endpointId })))
    .mutation(
      ({ ctx, input }): Promise<WebhookEndpoint> =>
        ctx.services.db.transaction(async (tx) => {
          const endpoint =
            (await disableEndpoint(tx, input.id)) ??
            fail("NOT_FOUND", `There is no webhook endpoint "${input.id}".`);
          await appendAudit(tx, {
            actor: ctx.principal.tokenId,
            action: "webhook.disable",
            subject: `webhook:${input.id}`,
          });
          return endpoint;
        }),
    ),

  deliveries: procedure(can.administer)
    .input(
      input(
        is.optional(is.object({ endpointId: is.optional(endpointId), limit: is.optional(is.int(1, 500)) })),
      ),
    )
    .query(
      ({ ctx, input }): Promise<WebhookDelivery[]> =>
        listDeliveries(ctx.services.db, {
          ...(input?.endpointId ? { endpointId: input.endpointId } : {}),
          limit: input?.limit ?? 100,
        }),
    ),

  redeliver: procedure(can.administer)
    .input(input(is.object({ id: deliveryId })))
    .mutation(
      ({ ctx, input }): Promise<WebhookDelivery> =>
        ctx.services.db.transaction(async (tx) => {
          const delivery =
            (await redeliver(tx, input.id)) ??
            fail("NOT_FOUND", `There is no delivery "${input.id}" to an endpoint that is still enabled.`);
          await appendAudit(tx, {
            actor: ctx.principal.tokenId,
            action: "webhook.redeliver",
            subject: `webhook:${delivery.endpointId}`,
            detail: { delivery: input.id, event: delivery.eventId },
          });
          return delivery;
        }),
    ),
} satisfies TRPCRouterRecord;
