// The notes API. On Cloudflare the module's default export handles requests; on AWS `handler` does.
// Bindings: SESSIONS (kv) and ATTACHMENTS (bucket); on AWS their names arrive as SESSIONS_TABLE and
// ATTACHMENTS_BUCKET environment variables.
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/notes") {
      return Response.json({ notes: [] });
    }
    return new Response("not found", { status: 404 });
  },
};

export async function handler(event) {
  return { statusCode: 200, body: JSON.stringify({ notes: [], path: event.rawPath }) };
}
