/**
 * The agent's choices in «Plan y contrato» reach «Servicios» (issue 18, item 6), inside the same
 * transaction as the field's save:
 * - ticking an add-on plan creates that kind's service with the defaults of DOMAIN.md (ADDON_KINDS),
 *   for the coordinator to complete; unticking removes it while the coordinator has not worked on
 *   it, and is refused with the reason when they have (the coordinator decides then);
 * - a 12-month contract attaches the guarantee deposit product, and another contract type removes it.
 */
import type { Executor, LockedCard } from '../db/card-tx';
import { addHistory, lockCard } from '../db/card-tx';
import * as addons from '../db/addons';
import * as plans from '../db/plans';
import * as installationProducts from '../db/installation-products';
import * as products from '../db/products';
import { addonKind } from '$lib/domain/addon-kinds';
import type { OrgSettings } from '$lib/schemas/settings';
import { createAddon } from './addons';
import { ServiceError } from './errors';

interface Ctx {
	orgId: string;
	actorId: string;
	installationId: string;
	settings: OrgSettings;
}

/** Brings the card's add-on services in line with the add-on plans the agent ticked. */
export async function applyAddonChoice(tx: Executor, ctx: Ctx, planIds: readonly string[]): Promise<void> {
	const card = (await lockCard(tx, ctx.orgId, ctx.installationId)) as LockedCard;
	const chosen = await plans.kindsOf(tx, ctx.orgId, planIds);
	const present = await addons.forSync(tx, card.id);
	for (const plan of chosen) {
		const kind = addonKind(plan.kind);
		if (!kind || present.some((a) => a.kind === kind.key)) continue;
		present.push({ id: '', kind: kind.key, completed: false });
		await createAddon(tx, { orgId: ctx.orgId, actorId: ctx.actorId, card, kind, planId: plan.id, sipServer: ctx.settings.sipServer });
	}
	for (const addon of present) {
		if (!addon.id || chosen.some((p) => p.kind === addon.kind)) continue;
		const label = addonKind(addon.kind)?.label ?? addon.kind;
		if (addon.completed) {
			throw new ServiceError(
				409,
				`Coordinación ya capturó datos de ${label} en «Servicios»; para quitarla, pídele que la quite ahí (así no se pierden esos datos).`
			);
		}
		await addons.remove(tx, ctx.orgId, addon.id);
		await addHistory(tx, ctx.orgId, card.id, ctx.actorId, [
			{ kind: 'service', field: addon.kind, oldValue: label, newValue: null, source: 'tarjeta' }
		]);
	}
}

/** 12 meses: the guarantee deposit is attached as a product; any other contract type detaches it. */
export async function applyContractDeposit(tx: Executor, ctx: Ctx, contractType: string | null): Promise<void> {
	const attached = await installationProducts.attachedDeposits(tx, ctx.installationId);
	if (contractType === '12_meses') {
		if (attached.length) return;
		const product =
			(await installationProducts.depositProduct(tx, ctx.orgId)) ??
			(await products.insert(tx, ctx.orgId, {
				name: 'Depósito en garantía',
				kind: 'deposito',
				priceCents: ctx.settings.depositCents,
				paymentType: 'unico',
				installments: 1
			}))!;
		const deposit = (await installationProducts.attachableById(tx, ctx.orgId, product.id))!;
		await installationProducts.attach(tx, {
			orgId: ctx.orgId,
			installationId: ctx.installationId,
			productId: product.id,
			paymentType: 'unico',
			installments: 1,
			priceCents: deposit.priceCents,
			startDate: null
		});
		await addHistory(tx, ctx.orgId, ctx.installationId, ctx.actorId, [
			{ kind: 'service', field: 'producto', oldValue: null, newValue: `${deposit.name} (contrato a 12 meses)`, source: 'tarjeta' }
		]);
		return;
	}
	for (const row of attached) {
		await installationProducts.detach(tx, ctx.orgId, row.id);
		await addHistory(tx, ctx.orgId, ctx.installationId, ctx.actorId, [
			{ kind: 'service', field: 'producto', oldValue: row.name, newValue: null, source: 'tarjeta' }
		]);
	}
}
