def log = new File(basedir, 'build.log').text
assert log.contains('Property pluginId is missing.') : log
