// greenroom:run deployed the project's two bundles and nothing else (Greenroom's own bundles are
// provided dependencies), and the smoke check passed
def deploy = new File(basedir, 'generated/carmen/target/greenroom-run/deploy')
assert deploy.list().sort() == ['carmen-backend.jar', 'carmen-node.jar'] : deploy.list()
def log = new File(basedir, 'generated/carmen/build.log')
if (!log.exists()) log = new File(basedir, 'build.log')
assert log.text.contains('Smoke check passed: GET http://127.0.0.1:') && log.text.contains('/api/carmen/health answered 200')
