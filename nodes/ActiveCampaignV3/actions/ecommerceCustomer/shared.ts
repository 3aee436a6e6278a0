import { RECORD_KINDS, recordLocator } from '../../framework/locator';
import { choice } from '../../framework/params';

export const acceptsMarketingParam = (description: string) =>
	choice('AcceptsMarketing', {
		description,
		options: [
			{ name: 'Not Opted In (0)', value: 0, description: 'Matches the segment condition "Has not opted in to marketing"' },
			{ name: 'Opted In (1)', value: 1, description: 'Matches the segment condition "Has opted in to marketing"' },
		],
		default: 0,
	});

export const ecommerceCustomerIdParam = (description: string) =>
	recordLocator('EcommerceCustomerId', RECORD_KINDS.ecommerceCustomer, { required: true, description });

export const customerSubject = (customerId: number) => `Ecommerce customer ${customerId}`;
