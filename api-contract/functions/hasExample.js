// A media type has an example when the media type gives one (example, or at least one of examples) or its schema
// does (example, or a non-empty examples array), or, for an array, its items' schema does: enough for a mock to
// answer with it and for a reader to see a whole body. Examples of single properties alone are not. Binary bodies
// (an XLSX upload or download) are exempt: no example can be written into the document.
export default function hasExample(mediaType) {
  if (mediaType == null || typeof mediaType !== 'object') return;
  if (isBinary(mediaType.schema)) return;
  if (mediaType.example !== undefined || nonEmptyObject(mediaType.examples)) return;
  const schema = mediaType.schema;
  if (schemaHasExample(schema) || (schema?.type === 'array' && schemaHasExample(schema.items))) return;
  return [{ message: 'No example: give the media type an example (or examples), or its schema one' }];
}

function schemaHasExample(schema) {
  return schema != null && typeof schema === 'object'
    && (schema.example !== undefined || (Array.isArray(schema.examples) && schema.examples.length > 0));
}

function nonEmptyObject(value) {
  return value != null && typeof value === 'object' && Object.keys(value).length > 0;
}

function isBinary(schema) {
  return schema != null && typeof schema === 'object'
    && (schema.format === 'binary' || schema.contentEncoding !== undefined || schema.contentMediaType !== undefined);
}
