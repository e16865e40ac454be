// greenroom:run refused the project, naming it and its bundle
def log = new File(basedir, 'build.log').text
assert log.contains('greenroom:run: util builds no Greenroom feature: none of its bundles [util-1.0.0-SNAPSHOT.jar] declares a backend plugin or module')
