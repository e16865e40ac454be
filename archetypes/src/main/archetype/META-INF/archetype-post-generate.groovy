// Runs after `mvn archetype:generate` (every Greenroom archetype ships this file, archetypes/pom.xml):
// rejects a pluginId or moduleId that Backstage would reject, naming the property, and removes the
// generated folder. The rule is the runtime's, dev.greenroom.backend.api.FeatureIds.ID_PATTERN
// (case-insensitive), so a generated plugin never fails at start for its id.
def idPattern = ~/(?i)^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/
def problems = ['pluginId', 'moduleId'].findAll { request.properties.containsKey(it) }
    .findAll { !(request.properties.getProperty(it) ==~ idPattern) }
    .collect {
      "Invalid ${it} '${request.properties.getProperty(it)}': it must match /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\$/i " +
          "(letters, digits and dashes only, starting with a letter), e.g. -D${it}=todo-list"
    }
if (problems) {
  new File(request.outputDirectory, request.artifactId).deleteDir()
  throw new IllegalArgumentException(problems.join('; '))
}
