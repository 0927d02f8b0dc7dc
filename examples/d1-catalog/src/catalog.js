// The catalogue API on D1 (env.CATALOG) with covers in R2 (env.COVERS).
export default {
  async fetch(request, env) {
    const { results } = await env.CATALOG.prepare("SELECT isbn, title, author FROM books").all();
    return Response.json(results);
  },
};
