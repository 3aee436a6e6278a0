import type { IDataObject } from 'n8n-workflow';

import { ValidationError } from '../../framework/errors';
import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { color, integer, json } from '../../framework/params';

export const stageIdParam = (description = 'The numeric ID of the stage, e.g. 123 (from Get Many Stages or Create a Stage)') =>
	recordLocator('StageId', RECORD_KINDS.stage, { required: true, description });

export const orderParam = (description: string) => integer('Order', { description, min: 0 });

export const colorParam = (description: string) => color('Color', { description });

/** Flat stage settings such as dealOrder, cardRegion1-5 and width. */
export const stageAdditionalFieldsParam = (description: string, example: string) =>
	json<IDataObject>('AdditionalFields', {
		kind: 'object',
		description,
		example,
		check: (value, where) => {
			for (const [key, entry] of Object.entries(value as IDataObject)) {
				if (entry !== null && !['string', 'number', 'boolean'].includes(typeof entry)) {
					throw new ValidationError(`${where}: "${key}" must be a text or a number, not a list or an object`);
				}
			}
			return value as IDataObject;
		},
	});

export const subjectOf = (stageId: number) => `Stage ${stageId}`;
