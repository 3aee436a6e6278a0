import { id, text } from '../../framework/params';

export const associationIdParam = (
	description = 'The numeric ID of the account-contact association (not the account or contact ID), e.g. 1234 (from Get Many Account Contacts or Create an Account Contact)',
) => id('AssociationId', { required: true, description });

export const jobTitleParam = <R extends boolean>(required: R, description: string) =>
	text<R>('JobTitle', { required, description });

export const subjectOf = (associationId: number) => `Account contact association ${associationId}`;
