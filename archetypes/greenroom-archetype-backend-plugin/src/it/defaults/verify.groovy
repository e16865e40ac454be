// pluginId todo-list: the Java names and the package come from it, Greenroom's version is the archetype's
def root = new File(basedir, 'generated/todo-list')
def plugin = new File(root, 'todo-list-backend/src/main/java/com/acme/todolist/backend/TodoListPlugin.java')
assert plugin.isFile() : "missing ${plugin}"
assert plugin.text.contains('@GreenroomPlugin(id = "todo-list")')
assert new File(root, 'todo-list-node/src/main/java/com/acme/todolist/node/TodoListExtensionPoints.java').text
    .contains('ExtensionPoint.create("todo-list.validators", TodoListValidatorsExtensionPoint.class)')
assert new File(root, 'todo-list-backend/src/main/resources/db/migration/todo-list/V1__create_items.sql').isFile()
assert new File(root, '.gitignore').isFile()
def pom = new XmlSlurper().parse(new File(root, 'pom.xml'))
assert pom.parent.artifactId.text() == 'greenroom-plugin-parent'
assert pom.parent.version.text() == archetypeVersion
assert pom.modules.module*.text() == ['todo-list-node', 'todo-list-backend']
