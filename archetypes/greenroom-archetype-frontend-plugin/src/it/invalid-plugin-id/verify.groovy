def log = new File(basedir, 'build.log').text
assert log.contains("Invalid pluginId 'todo list': it must match") : log
assert !new File(basedir, 'generated/todo-frontend').exists()
