// Drives Greenroom's /api/events/bus/v1 routes with Backstage's own events client
// (@backstage/plugin-events-node DefaultEventsService, events.useEventBus: always).
// Usage: node upstream-client.js <greenroom base url> <static token>
const path = require('path');
const peer = process.env.PEER || '/work/peer/node_modules';
const { DefaultEventsService } = require(path.join(peer, '@backstage/plugin-events-node'));
const [base, token] = process.argv.slice(2);
const log = (level) => (msg, e) => console.log(`[${level}] ${msg}${e ? ' ' + e : ''}`);
const logger = { info: log('info'), warn: log('warn'), error: log('error'), debug: () => {}, child() { return logger; } };
const hooks = [];
const lifecycle = { addShutdownHook: h => hooks.push(h), addStartupHook: () => {} };
const discovery = { getBaseUrl: async id => `${base}/api/${id}`, getExternalBaseUrl: async id => `${base}/api/${id}` };
const auth = {
  getOwnServiceCredentials: async () => ({ $$type: '@backstage/BackstageCredentials', principal: { type: 'service', subject: 'plugin:peer' } }),
  getPluginRequestToken: async () => ({ token }),
};
(async () => {
  const root = DefaultEventsService.create({ logger, useEventBus: 'always' });
  const events = root.forPlugin('peer', { discovery, logger, auth, lifecycle });
  const received = [];
  await events.subscribe({ id: 'watcher', topics: ['example.created'], onEvent: async e => { received.push(e.eventPayload); console.log('received', JSON.stringify(e.eventPayload)); } });
  await new Promise(r => setTimeout(r, 1500)); // its poll loop PUTs the subscription
  const publisher = root.forPlugin('peer-publisher', { discovery, logger, auth, lifecycle });
  await publisher.publish({ topic: 'example.created', eventPayload: { name: 'from-backstage' } });
  const deadline = Date.now() + 20000;
  while (received.length < 2 && Date.now() < deadline) await new Promise(r => setTimeout(r, 100));
  console.log('RESULT', JSON.stringify(received));
  for (const h of hooks) await h();
  process.exit(received.length >= 2 ? 0 : 1);
})();
