// Reads the note each job names and records what it read.
export default {
  async queue(batch, env) {
    for (const message of batch.messages) {
      const note = await env.NOTES.get(`note:${message.body.id}`);
      await env.NOTES.put(`seen:${message.body.id}`, `worker read ${JSON.stringify(note)}`);
      message.ack();
    }
  },
};
