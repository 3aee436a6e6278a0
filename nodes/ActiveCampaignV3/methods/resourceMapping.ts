import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { CUSTOM_FIELD_FAMILIES, mapperFields, type CustomFieldFamily } from '../framework/customFields';
import { withEditorApi } from '../framework/loadOptions';

/** The custom fields of contacts, accounts and deals for "Custom Fields By Name" (all pages, typed). */
function fieldsOf(family: CustomFieldFamily) {
	return async function (this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		return withEditorApi(this, (api) => mapperFields(api, family));
	};
}

export const resourceMapping = {
	contactCustomFields: fieldsOf(CUSTOM_FIELD_FAMILIES.contact),
	accountCustomFields: fieldsOf(CUSTOM_FIELD_FAMILIES.account),
	dealCustomFields: fieldsOf(CUSTOM_FIELD_FAMILIES.deal),
};
