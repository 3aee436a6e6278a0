import type { ResourceDefinition } from '../framework/registry';

import accountCreate from './account/create.operation';
import accountDelete from './account/delete.operation';
import accountGet from './account/get.operation';
import accountGetMany from './account/getMany.operation';
import accountUpdate from './account/update.operation';
import accountContactCreate from './accountContact/create.operation';
import accountContactDelete from './accountContact/delete.operation';
import accountContactGet from './accountContact/get.operation';
import accountContactGetMany from './accountContact/getMany.operation';
import accountContactUpdate from './accountContact/update.operation';
import dealCreate from './deal/create.operation';
import dealDelete from './deal/delete.operation';
import dealGet from './deal/get.operation';
import dealGetMany from './deal/getMany.operation';
import dealUpdate from './deal/update.operation';
import dealNoteCreate from './dealNote/create.operation';
import dealNoteUpdate from './dealNote/update.operation';
import pipelineCreate from './pipeline/create.operation';
import pipelineDelete from './pipeline/delete.operation';
import pipelineGet from './pipeline/get.operation';
import pipelineGetMany from './pipeline/getMany.operation';
import pipelineUpdate from './pipeline/update.operation';
import stageCreate from './stage/create.operation';
import stageDelete from './stage/delete.operation';
import stageGet from './stage/get.operation';
import stageGetMany from './stage/getMany.operation';
import stageUpdate from './stage/update.operation';

/** The CRM family: Account, Account Contact, Deal, Deal Note, Pipeline, Stage (issue 4). */
export const crmResources: ResourceDefinition[] = [
	{ value: 'account', name: 'Account', operations: [accountCreate, accountDelete, accountGet, accountGetMany, accountUpdate] },
	{ value: 'accountContact', name: 'Account Contact', operations: [accountContactCreate, accountContactDelete, accountContactGet, accountContactGetMany, accountContactUpdate] },
	{ value: 'deal', name: 'Deal', operations: [dealCreate, dealDelete, dealGet, dealGetMany, dealUpdate] },
	{ value: 'dealNote', name: 'Deal Note', operations: [dealNoteCreate, dealNoteUpdate] },
	{ value: 'pipeline', name: 'Pipeline', operations: [pipelineCreate, pipelineDelete, pipelineGet, pipelineGetMany, pipelineUpdate] },
	{ value: 'stage', name: 'Stage', operations: [stageCreate, stageDelete, stageGet, stageGetMany, stageUpdate] },
];
