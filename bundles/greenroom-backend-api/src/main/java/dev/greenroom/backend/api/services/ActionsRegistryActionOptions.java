package dev.greenroom.backend.api.services;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One action to register with {@link ActionsRegistryService#register}: Backstage's {@code
 * ActionsRegistryActionOptions}, with JSON schemas (draft 07) written as JSON text where upstream
 * builds zod schemas. The input schema is checked on every invocation; the validated body is then
 * converted to the input type with Jackson.
 *
 * <pre>{@code
 * record Greet(String name) {}
 * actionsRegistry.register(ActionsRegistryActionOptions.builder("greet")
 *     .title("Greet")
 *     .description("Says hello to someone")
 *     .input(Greet.class)
 *     .inputSchema("""
 *         {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}""")
 *     .outputSchema("""
 *         {"type": "object", "properties": {"greeting": {"type": "string"}}}""")
 *     .readOnly(true)
 *     .action(ctx -> Map.of("greeting", "Hello " + ctx.input().name()))
 *     .build());
 * }</pre>
 *
 * @param <I> the input type the action receives
 */
public final class ActionsRegistryActionOptions<I> {
  private final String name;
  private final String title;
  private final String description;
  private final Class<I> inputType;
  private final String inputSchema;
  private final String outputSchema;
  private final ActionAttributes attributes;
  private final ActionsRegistryActionFunction<I> action;

  private ActionsRegistryActionOptions(Builder<I> b) {
    this.name = b.name;
    this.title = b.title;
    this.description = b.description;
    this.inputType = b.inputType;
    this.inputSchema = b.inputSchema;
    this.outputSchema = b.outputSchema;
    boolean readOnly = Boolean.TRUE.equals(b.readOnly);
    this.attributes = new ActionAttributes(
        b.destructive != null ? b.destructive : !readOnly, Boolean.TRUE.equals(b.idempotent), readOnly);
    this.action = b.action;
  }

  /**
   * Starts an action named {@code name} (unique in its plugin; the id becomes {@code
   * <pluginId>:<name>}) whose input is a JSON object as a map.
   */
  public static Builder<Map<String, Object>> builder(String name) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Map<String, Object>> mapType = (Class) Map.class;
    return new Builder<>(name, mapType);
  }

  /** The name, unique within the plugin. */
  public String name() {
    return name;
  }

  /** A short human-readable title. */
  public String title() {
    return title;
  }

  /** What the action does, for people and AI clients. */
  public String description() {
    return description;
  }

  /** The type the validated input is converted to. */
  public Class<I> inputType() {
    return inputType;
  }

  /** The input's JSON schema as JSON text, if one was given. */
  public Optional<String> inputSchema() {
    return Optional.ofNullable(inputSchema);
  }

  /** The output's JSON schema as JSON text, if one was given. */
  public Optional<String> outputSchema() {
    return Optional.ofNullable(outputSchema);
  }

  /** The effect hints, with upstream's defaults for those not set. */
  public ActionAttributes attributes() {
    return attributes;
  }

  /** The action's body. */
  public ActionsRegistryActionFunction<I> action() {
    return action;
  }

  /**
   * Builds {@link ActionsRegistryActionOptions}; name, title, description and action are required.
   *
   * @param <I> the input type
   */
  public static final class Builder<I> {
    private final String name;
    private final Class<I> inputType;
    private String title;
    private String description;
    private String inputSchema;
    private String outputSchema;
    private Boolean destructive;
    private Boolean idempotent;
    private Boolean readOnly;
    private ActionsRegistryActionFunction<I> action;

    private Builder(String name, Class<I> inputType) {
      this.name = requireText(name, "name");
      this.inputType = Objects.requireNonNull(inputType, "inputType");
    }

    /** A short human-readable title. */
    public Builder<I> title(String title) {
      this.title = title;
      return this;
    }

    /** What the action does; AI clients read it to decide when to call it. */
    public Builder<I> description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Converts the validated input to {@code type} (a record or bean Jackson can read) instead of a
     * map. Set it before {@link #action}, whose function it types.
     */
    public <J> Builder<J> input(Class<J> type) {
      Builder<J> b = new Builder<>(name, type);
      b.title = title;
      b.description = description;
      b.inputSchema = inputSchema;
      b.outputSchema = outputSchema;
      b.destructive = destructive;
      b.idempotent = idempotent;
      b.readOnly = readOnly;
      return b;
    }

    /**
     * The input's JSON schema (draft 07) as JSON text; an invocation whose body fails it is
     * answered 400 {@code InputError} naming the action and the failing field. Without one, any
     * JSON object is accepted.
     */
    public Builder<I> inputSchema(String jsonSchema) {
      this.inputSchema = jsonSchema;
      return this;
    }

    /**
     * The output's JSON schema as JSON text; an output that fails it is answered 400 {@code
     * Invalid output from action "<id>"}, as upstream.
     */
    public Builder<I> outputSchema(String jsonSchema) {
      this.outputSchema = jsonSchema;
      return this;
    }

    /** Whether the action may destroy data; by default it may, unless it is read-only. */
    public Builder<I> destructive(boolean destructive) {
      this.destructive = destructive;
      return this;
    }

    /** Whether repeating a call has no further effect; false by default. */
    public Builder<I> idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /** Whether the action changes nothing; false by default. */
    public Builder<I> readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** The action's body. */
    public Builder<I> action(ActionsRegistryActionFunction<I> action) {
      this.action = action;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException naming the action and the missing field
     */
    public ActionsRegistryActionOptions<I> build() {
      requireText(title, "title of action '" + name + "'");
      requireText(description, "description of action '" + name + "'");
      if (action == null) {
        throw new IllegalArgumentException("Missing action function of action '" + name + "'");
      }
      return new ActionsRegistryActionOptions<>(this);
    }

    private static String requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("Missing " + what);
      }
      return value;
    }
  }
}
