import { m } from '$lib/paraglide/messages.js';
import type { AUTO_RULES } from '$lib/domain/checklist-rules';

type Rule = (typeof AUTO_RULES)[number];

/**
 * Each checklist auto-rule's name for the admin who picks it («field:phone» is the stored key).
 * Typed by AUTO_RULES, so a rule added there fails to type-check until it has its name.
 */
const NAMES: { [R in Rule]: () => string } = {
	'field:phone': m.settings_rule_field_phone,
	'field:location': m.settings_rule_field_location,
	'field:zone': m.settings_rule_field_zone,
	'field:serviceType': m.settings_rule_field_serviceType,
	'field:plan': m.settings_rule_field_plan,
	'field:contractType': m.settings_rule_field_contractType,
	'field:accepted': m.settings_rule_field_accepted,
	'field:email': m.settings_rule_field_email,
	'field:phoneAlt': m.settings_rule_field_phoneAlt,
	'field:address': m.settings_rule_field_address,
	'field:installationDate': m.settings_rule_field_installationDate,
	'field:billing': m.settings_rule_field_billing,
	'field:pppoe': m.settings_rule_field_pppoe,
	'field:ip': m.settings_rule_field_ip,
	'field:technician': m.settings_rule_field_technician,
	'field:sheetSigned': m.settings_rule_field_sheetSigned,
	'field:contractSigned': m.settings_rule_field_contractSigned,
	'field:completed': m.settings_rule_field_completed,
	'file:ine_frontal': m.settings_rule_file_ine_frontal,
	'file:ine_atras': m.settings_rule_file_ine_atras,
	'file:comprobante_domicilio': m.settings_rule_file_comprobante_domicilio,
	'file:confirmacion_12_meses': m.settings_rule_file_confirmacion_12_meses
};

/** A rule's name in the UI language. */
export const ruleName = (rule: Rule): string => NAMES[rule]();
