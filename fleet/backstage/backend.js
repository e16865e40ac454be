'use strict';
// The Backstage half of Greenroom's mixed-fleet suite (docs/fleet.md): a real Backstage backend
// (createBackend() from @backstage/backend-defaults 0.18) with two plugins.
//
//   bsfleet  GET /whoami          (default auth policy) {subject, instance: "backstage"} of the caller
//            GET /probe/:target   (open) a plugin request token from bsfleet's own credentials for
//                                 ?aud= (default: target), sent to target's /whoami at the URL discovery
//                                 gives; answers {status, body, instance}
//            GET /relay/:target   (default auth policy) the same on behalf of the caller's credentials
//                                 (Backstage's delegation rules for restricted tokens apply)
//            GET /token/:aud      (open) a plugin request token minted by bsfleet for aud: a test fixture only
//   bsother  GET /whoami          (default auth policy): "elsewhere" for restricted tokens
//
// Greenroom's fixture plugin `fleet` (itests/fixtures/fleet-plugin) has the same routes, so the suite
// asks both sides the same questions. Packages come from an installed peer (no npm install here):
//   NODE_PATH=/work/peer/node_modules node backend.js --config app-config.yaml
// The config reads its ports, URLs, key files and tokens from FLEET_* variables (app-config.yaml).

const { createBackend } = require('@backstage/backend-defaults');
const { createBackendPlugin, coreServices } = require('@backstage/backend-plugin-api');
const express = require('express');

// express 4 does not catch rejected promises: hand them to next(), so Backstage's error
// middleware writes its usual {error, request, response} body with the error's status.
const route = fn => (req, res, next) => Promise.resolve(fn(req, res)).catch(next);

function subjectOf(principal) {
  if (principal.type === 'service') return principal.subject;
  if (principal.type === 'user') return principal.userEntityRef;
  return principal.type;
}

async function callWhoami(discovery, target, token) {
  const url = `${await discovery.getBaseUrl(target)}/whoami`;
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30000),
  });
  return { status: res.status, body: await res.text(), instance: 'backstage' };
}

const bsfleet = createBackendPlugin({
  pluginId: 'bsfleet',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ httpRouter, httpAuth, auth, discovery }) {
        const router = express.Router();
        router.get('/whoami', route(async (req, res) => {
          const credentials = await httpAuth.credentials(req);
          res.json({ subject: subjectOf(credentials.principal), instance: 'backstage' });
        }));
        router.get('/token/:aud', route(async (req, res) => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: req.params.aud,
          });
          res.json({ token, instance: 'backstage' });
        }));
        router.get('/probe/:target', route(async (req, res) => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: req.query.aud ?? req.params.target,
          });
          res.json(await callWhoami(discovery, req.params.target, token));
        }));
        router.get('/relay/:target', route(async (req, res) => {
          const credentials = await httpAuth.credentials(req);
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: credentials,
            targetPluginId: req.params.target,
          });
          res.json(await callWhoami(discovery, req.params.target, token));
        }));
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/probe', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({ path: '/token', allow: 'unauthenticated' });
      },
    });
  },
});

const bsother = createBackendPlugin({
  pluginId: 'bsother',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter, httpAuth: coreServices.httpAuth },
      async init({ httpRouter, httpAuth }) {
        const router = express.Router();
        router.get('/whoami', route(async (req, res) => {
          const credentials = await httpAuth.credentials(req);
          res.json({ subject: subjectOf(credentials.principal), instance: 'backstage' });
        }));
        httpRouter.use(router);
      },
    });
  },
});

const backend = createBackend();
backend.add(bsfleet);
backend.add(bsother);
backend.start().then(
  () => console.error('FLEET-BACKSTAGE started'),
  err => {
    console.error('FLEET-BACKSTAGE failed', err);
    process.exit(1);
  },
);
