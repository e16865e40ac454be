// pluginId todo, moduleId slack-notifier: TodoSlackNotifierModule in com.acme.todo.module.slacknotifier
def root = new File(basedir, 'generated/todo-backend-module-slack-notifier')
def module = new File(root, 'src/main/java/com/acme/todo/module/slacknotifier/TodoSlackNotifierModule.java')
assert module.isFile() : "missing ${module}"
assert module.text.contains('@GreenroomModule(pluginId = "todo", moduleId = "slack-notifier")')
assert new File(root, 'bnd.bnd').text.trim() == 'Bundle-SymbolicName: com.acme.todo.module.slacknotifier'
