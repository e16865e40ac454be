def log = new File(basedir, 'build.log').text
assert log.contains("Invalid moduleId '2nd-module': it must match") : log
assert !log.contains("Invalid pluginId") : log
assert !new File(basedir, 'generated/todo-module').exists()
