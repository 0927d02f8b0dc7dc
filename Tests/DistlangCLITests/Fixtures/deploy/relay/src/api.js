// POST /notes/{id} stores the body and queues a job for the worker; GET /notes/{id} shows the note
// and what the worker recorded about it.
export default {
  async fetch(request, env, ctx) {
    const { key, params } = ctx.route;
    if (key === "POST /notes/{id}") {
      await env.NOTES.put(`note:${params.id}`, await request.text());
      await env.JOBS.send({ id: params.id });
      return Response.json({ stored: params.id }, { status: 201 });
    }
    const note = await env.NOTES.get(`note:${params.id}`);
    if (note === null) return new Response("no such note", { status: 404 });
    return Response.json({ note, seen: await env.NOTES.get(`seen:${params.id}`) });
  },
};
