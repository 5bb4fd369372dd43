/** GeoReport v2 shapes as the bot reads them from any Open311 endpoint. */
export interface ServiceSummary {
  service_code: string;
  service_name: string;
  description?: string;
  metadata?: boolean | string;
  type?: string;
  keywords?: string;
  group?: string;
}

export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  datatype_description?: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface ServiceDefinition {
  service_code: string;
  attributes: ServiceAttribute[];
}

/** The fields of a POST requests.json, without api_key/jurisdiction (the client adds those). */
export interface RequestFields {
  service_code: string;
  lat?: number;
  long?: number;
  address_string?: string;
  address_id?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  description?: string;
  attributes: Record<string, string | string[]>;
}

export interface ServiceRequest {
  service_request_id: string;
  status: string;
  status_notes?: string;
  service_name?: string;
  service_code?: string;
  description?: string;
  service_notice?: string;
  requested_datetime?: string;
  updated_datetime?: string;
  expected_datetime?: string;
  address?: string;
  lat?: number | string;
  long?: number | string;
  /** Kept and echoed by some back offices (this project's own keeps it without echoing it). */
  client_reference?: string;
  /** A holder of the api_key may get the attributes back: an object, or (from XML) a list of {code, value}. */
  attributes?: Record<string, unknown> | Array<{ code?: string; value?: unknown }>;
  /** Only in answers to a holder of the api_key (the built-in back office withholds them from the public). */
  first_name?: string;
  last_name?: string;
}

export interface ServiceRequestUpdate {
  update_id: string;
  service_request_id: string;
  status: string;
  updated_datetime: string;
  description?: string;
}
