/**
 * The small part of FHIR R4 (4.0.1) that brug's export writes, as TypeScript types. Only the elements brug fills
 * are declared; names and cardinalities follow the R4 specification (hl7.org/fhir/R4). Whether a resource is
 * valid R4 is checked in the tests against the official R4 JSON schema, not by these types.
 */

export const fhirVersion = '4.0.1';

/** R4 `http://hl7.org/fhir/StructureDefinition/translation`: `lang` (code) and `content` (string). */
export interface Extension {
	url: string;
	valueCode?: string;
	valueString?: string;
	extension?: Extension[];
}

/** The `_name` sibling of a primitive: where its extensions (such as a translation) go. */
export interface PrimitiveElement {
	extension: Extension[];
}

export interface Coding {
	system: string;
	code: string;
	display?: string;
	_display?: PrimitiveElement;
}

export interface Reference {
	reference: string;
}

/** R4 Identifier: a business identifier, unique within its `system`. */
export interface Identifier {
	system: string;
	value: string;
}

/** R4 HumanName, as text only: brug keeps a name as the person wrote it, never split into parts. */
export interface HumanName {
	text: string;
}

/** Who the answers are about. brug writes its own id for the person, and a name only when they chose one. */
export interface Patient {
	resourceType: 'Patient';
	id: string;
	identifier: Identifier[];
	name?: HumanName[];
}

export interface Practitioner {
	resourceType: 'Practitioner';
	id: string;
	identifier: Identifier[];
	name?: HumanName[];
}

export interface Organization {
	resourceType: 'Organization';
	id: string;
	identifier: Identifier[];
	name?: string;
}

/** A practitioner working for an organisation: the author of an export. */
export interface PractitionerRole {
	resourceType: 'PractitionerRole';
	id: string;
	practitioner: Reference;
	organization: Reference;
}

export interface QuestionnaireAnswerOption {
	valueCoding: Coding;
}

export interface QuestionnaireItem {
	linkId: string;
	text?: string;
	_text?: PrimitiveElement;
	type: 'display' | 'choice' | 'integer';
	required?: boolean;
	readOnly?: boolean;
	answerOption?: QuestionnaireAnswerOption[];
}

export interface Questionnaire {
	resourceType: 'Questionnaire';
	id: string;
	language: string;
	url: string;
	version: string;
	name: string;
	title: string;
	_title?: PrimitiveElement;
	status: 'draft' | 'active' | 'retired' | 'unknown';
	publisher: string;
	description: string;
	_description?: PrimitiveElement;
	copyright: string;
	_copyright?: PrimitiveElement;
	item: QuestionnaireItem[];
}

export interface QuestionnaireResponseAnswer {
	valueCoding?: Coding;
	valueInteger?: number;
}

export interface QuestionnaireResponseItem {
	linkId: string;
	text?: string;
	answer: QuestionnaireResponseAnswer[];
}

export interface QuestionnaireResponse {
	resourceType: 'QuestionnaireResponse';
	id: string;
	language: string;
	/** Canonical `url|version` of the Questionnaire answered. */
	questionnaire: string;
	status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
	subject?: Reference;
	authored: string;
	author?: Reference;
	/** Absent when nothing was answered: FHIR JSON allows no empty arrays. */
	item?: QuestionnaireResponseItem[];
}

export interface BundleEntry {
	fullUrl: string;
	resource: Questionnaire | QuestionnaireResponse | Patient | Practitioner | Organization | PractitionerRole;
}

export interface Bundle {
	resourceType: 'Bundle';
	type: 'collection';
	timestamp?: string;
	/** Absent when there is nothing to export: FHIR JSON allows no empty arrays. */
	entry?: BundleEntry[];
}
