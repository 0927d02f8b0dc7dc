// What an order is, shared by intake (which checks what clients send) and fulfil (which checks what
// arrives from the queue: other producers may send anything).

const SKU = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

/**
 * The problems of an order's fields, in plain words; an empty list when it is valid.
 * @param {unknown} order `{ customer, items: [{ sku, quantity }] }`
 * @returns {string[]}
 */
export function orderProblems(order) {
  if (order === null || typeof order !== "object" || Array.isArray(order)) return ["an order is a JSON object"];
  const problems = [];
  const { customer, items } = /** @type {Record<string, unknown>} */ (order);
  if (typeof customer !== "string" || !/^[^@\s]+@[^@\s]+$/.test(customer) || customer.length > 254) {
    problems.push("customer must be an e-mail address");
  }
  if (!Array.isArray(items) || items.length < 1 || items.length > 50) {
    problems.push("items must be a list of 1 to 50 items");
    return problems;
  }
  const seen = new Set();
  items.forEach((item, i) => {
    const { sku, quantity } = item ?? {};
    if (typeof sku !== "string" || !SKU.test(sku)) problems.push(`items[${i}].sku must be 1 to 32 capital letters, digits or hyphens`);
    else if (seen.has(sku)) problems.push(`items[${i}].sku ${sku} is listed twice`);
    else seen.add(sku);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100) problems.push(`items[${i}].quantity must be a whole number from 1 to 100`);
  });
  return problems;
}
