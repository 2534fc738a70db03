/* Declarations for the generated standalone validators (validators.js). */
import type { ErrorObject } from "ajv";

export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
export declare const validateCatalog: StandaloneValidator;
export declare const validateQuote: StandaloneValidator;
export declare const validateArrangement: StandaloneValidator;
