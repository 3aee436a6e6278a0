import type { OperationDefinition } from './operation';
import { withOutputOptions } from './outputOptions';

export interface ResourceDefinition {
	/** `contactTag` */
	value: string;
	/** `Contact Tag` */
	name: string;
	operations: OperationDefinition[];
}

/** Lookup of operation modules by resource and operation value. */
export class OperationRegistry {
	private readonly byKey = new Map<string, OperationDefinition>();

	constructor(readonly resources: ResourceDefinition[]) {
		for (const resource of resources) {
			for (const op of resource.operations) {
				if (op.resource !== resource.value) {
					throw new Error(`Operation ${op.title} declares resource ${op.resource}, listed under ${resource.value}`);
				}
				const key = `${op.resource}/${op.operation}`;
				if (this.byKey.has(key)) throw new Error(`Operation ${key} is defined twice`);
				for (const [field, spec] of Object.entries({ ...op.params, ...op.options })) {
					if (spec.name !== field) throw new Error(`${key}: parameter key ${field} must be ${spec.name}`);
				}
				// List operations get the output options (Output, Record Fields, Fields to Return).
				this.byKey.set(key, withOutputOptions(op));
			}
		}
	}

	get(resource: string, operation: string): OperationDefinition | undefined {
		return this.byKey.get(`${resource}/${operation}`);
	}

	all(): OperationDefinition[] {
		return [...this.byKey.values()];
	}
}
