-- The contract becomes ordered clauses with {{variables}} (issue 18, item 11). The admin edits them
-- in Ajustes → Contratos; src/lib/domain/contract-template.ts lists the variables and fills them.
-- Rows written by the first editor keep their body and are read as one clause per paragraph
-- (legacyClauses) until an admin saves them again.

alter table public.document_templates
	add column clauses jsonb,
	add column penalty_cents integer,
	alter column body drop not null,
	add constraint document_templates_clauses_check check (clauses is null or jsonb_typeof(clauses) = 'array'),
	add constraint document_templates_penalty_cents_check check (penalty_cents is null or penalty_cents >= 0),
	add constraint document_templates_text_check check (clauses is not null or body is not null);

-- Providers that never customised their contract get the default one as their own, so a later change
-- of the default in the code never changes the text of contracts they already send. The clauses are
-- DEFAULT_CLAUSES of src/lib/domain/contract-default.ts (a test compares them).
insert into public.document_templates (org_id, kind, contract_type, title, clauses, penalty_cents)
select o.id, 'contrato', t.contract_type, t.title, t.clauses, t.penalty_cents
from public.organizations o
cross join (
	select v.contract_type, v.title, v.penalty_cents, '[
	{
		"title": "Partes",
		"text": "Contrato de prestación del servicio de acceso a internet, folio {{folio}}, que celebran {{proveedor.nombre}} («el Proveedor») y {{cliente.nombre}} («el Cliente»), con domicilio de instalación en {{domicilio}}, teléfono {{cliente.telefono}} y correo electrónico {{cliente.correo}}, al que se enviarán sus facturas."
	},
	{
		"title": "Objeto",
		"text": "El Proveedor prestará al Cliente el servicio de acceso a internet con el plan {{plan.nombre}} en el domicilio de instalación. Servicios adicionales contratados: {{servicios}}. La velocidad del plan es la máxima contratada; la real puede variar según la cobertura, las condiciones de la red y los equipos del Cliente."
	},
	{
		"title": "Vigencia y plazo",
		"text": "Plazo del contrato: {{plazo}}, a partir del {{contrato.inicio}} y hasta {{contrato.fin}}. En un contrato a 12 meses el Cliente se obliga a mantener el servicio durante todo el plazo; al terminar, el contrato continúa por tiempo indefinido salvo que el Cliente avise que no desea renovarlo."
	},
	{
		"title": "Tarifas y pagos",
		"text": "El Cliente pagará {{plan.precio}} al mes por el plan, más la tarifa de cada servicio adicional, a más tardar en la fecha de pago de su zona. El costo de instalación es de {{instalacion.costo}}. La primera mensualidad puede ser proporcional a los días que van de la instalación a la primera fecha de pago (prorrateo). Al instalar, el Cliente paga {{primer_cobro}}. Las tarifas incluyen IVA."
	},
	{
		"title": "Depósito en garantía y su devolución",
		"text": "El Cliente entrega {{deposito}} como depósito en garantía. El Proveedor lo devolverá al terminar el contrato cuando el Cliente: a) tenga pagada su última factura; b) haya pagado la penalización, si le corresponde; c) devuelva el módem y su eliminador en buen estado; y d) tenga el servicio de garantía anexado en su cuenta."
	},
	{
		"title": "Equipo en comodato",
		"text": "El módem, router, ONU o antena y sus accesorios que el Proveedor instala se entregan en comodato: siguen siendo propiedad del Proveedor. El Cliente los cuidará, no los abrirá ni los cambiará de domicilio sin avisar, y los devolverá al terminar el contrato. Si se pierden o dañan por mal uso, el Cliente pagará su valor de reposición."
	},
	{
		"title": "Cancelación y penalización",
		"text": "El Cliente puede cancelar el servicio en cualquier momento avisando al Proveedor por cualquiera de sus medios de contacto. Penalización por cancelar antes de terminar el plazo: {{penalizacion}}. Cancelar no libera al Cliente de las mensualidades ya vencidas ni de devolver el equipo en comodato."
	},
	{
		"title": "Suspensión por falta de pago",
		"text": "Si el Cliente no paga en la fecha de pago, el Proveedor podrá suspender el servicio a partir de la fecha de corte de su zona, sin que esto cancele el contrato. El servicio se reactiva al cubrir el adeudo; la suspensión no genera descuento de la mensualidad."
	},
	{
		"title": "Datos personales y aviso de privacidad",
		"text": "El Proveedor trata los datos personales del Cliente (identificación oficial, comprobante de domicilio, datos de contacto y ubicación) conforme a la Ley Federal de Protección de Datos Personales en Posesión de los Particulares (LFPDPPP), solo para instalar, prestar, cobrar y dar soporte al servicio. El aviso de privacidad está a disposición del Cliente, quien puede ejercer sus derechos de acceso, rectificación, cancelación y oposición (ARCO) ante el Proveedor."
	},
	{
		"title": "Firma",
		"text": "Leído el contrato y enteradas las partes de su contenido y alcance, lo firman el {{fecha}}. El Cliente puede presentar sus quejas ante el Proveedor o ante la Procuraduría Federal del Consumidor (PROFECO)."
	}
]'::jsonb as clauses
	from (values
		('12_meses', 'Contrato de prestación del servicio de internet (plazo forzoso de 12 meses)', 100000),
		('indefinido', 'Contrato de prestación del servicio de internet (plazo indefinido)', 0)
	) as v(contract_type, title, penalty_cents)
) t
where not exists (
	select 1 from public.document_templates d
	where d.org_id = o.id and d.kind = 'contrato' and (d.contract_type = t.contract_type or d.contract_type is null)
);
