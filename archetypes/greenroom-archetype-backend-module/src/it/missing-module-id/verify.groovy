def log = new File(basedir, 'build.log').text
assert log.contains('Property moduleId is missing.') : log
