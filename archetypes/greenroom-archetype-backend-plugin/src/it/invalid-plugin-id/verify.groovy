// Backstage would reject Todo_List: the build fails naming the property and the rule, nothing is left behind
def log = new File(basedir, 'build.log').text
assert log.contains("Invalid pluginId 'Todo_List': it must match /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\$/i") : log
assert !new File(basedir, 'generated/todo').exists()
