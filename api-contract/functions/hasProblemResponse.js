// Clients handle errors in one way only if every operation says which Problem (RFC 9457) answers it can give:
// at least one 4xx response with application/problem+json content.
export default function hasProblemResponse(operation) {
  const responses = operation?.responses ?? {};
  const declared = Object.entries(responses)
    .some(([status, response]) => /^4(\d\d|XX)$/i.test(status) && response?.content?.['application/problem+json'] != null);
  if (declared) return;
  return [{ message: 'No 4xx response with application/problem+json content' }];
}
