'use strict'
/*
 * Part of the child's first layer (see serve.cjs and analysis.cjs): the walk over the syntax
 * tree that finds every module the code names by a literal, and every way of loading one, or
 * of building code that could, that the dependency check cannot follow.
 */
const { MAX_SPECIFIER_CHARS, MAX_PROBLEMS, IMPORT_NAME } = require('./constants.cjs')

/**
 * Properties that load modules or build code by a name known only at run time (in the runtime
 * the data action is published to, where `module.require` and `process.getBuiltinModule`
 * exist): the dependency check cannot follow a module loaded through them.
 */
const LOADERS = new Set([
  'require',
  'getBuiltinModule',
  'createRequire',
  '_load',
  'binding',
  '_linkedBinding',
  'dlopen',
  'mainModule',
  'eval',
  'Function',
  'caller',
  'callee',
  // A function's constructor is the Function constructor (code from text); module's is
  // node's Module, whose _load loads any module: however it is reached, by name.
  'constructor'
])
/** Names of the global object; a computed property of one can be `require` or `eval`. */
const GLOBALS = new Set(['globalThis', 'global', 'process', 'module'])
const UNFOLLOWABLE = 'the dependency check cannot follow what it loads'

/** The global object a node names (`globalThis`, or `x.process`), if it names one. */
function globalName(node) {
  if (node.type === 'Identifier' && GLOBALS.has(node.name)) return node.name
  if (node.type === 'MemberExpression' && !node.computed && GLOBALS.has(node.property.name)) {
    return node.property.name
  }
  return undefined
}

/**
 * Walks the syntax tree for every place a module is asked for, iteratively (nesting must not
 * exhaust this stack), in source order; and for every way of loading one, or of building code
 * that could, that the check cannot follow.
 */
// eslint-disable-next-line max-lines-per-function -- one walk over the syntax tree: every case reads the same stack (parent, function depth and kind) and the names its ancestors marked before it
function collectModuleUses(ast, format, position) {
  const requires = []
  const problems = []
  const renames = []
  const regexes = []
  /** Names imported from each module, so its stand-in module can export them. */
  const imports = new Map()
  // Found in walk order, reported in source order.
  const problem = (node, message) => problems.push({ message, start: node.start })
  const asked = (specifier, node) =>
    requires.push({ specifier: clipName(specifier), start: node.start })
  const literal = node =>
    node?.type === 'Literal' && typeof node.value === 'string'
      ? node.value
      : node?.type === 'TemplateLiteral' && node.expressions.length === 0
        ? node.quasis[0].value.cooked
        : undefined
  const propertyName = node => (node.computed ? literal(node.property) : node.property.name)
  // Identifiers that are names, not references (keys, properties, labels, imported names), and
  // the references to `require` that are allowed (called with a literal, or under typeof).
  const names = new Set()
  const allowed = new Set()
  // functionKind: 'top', 'method' (this is an object of the code's) or 'plain' (a sloppy
  // function's this can be the global object).
  // The stack as parallel arrays: an object per node would double what the collector does.
  const nodes = [ast]
  const parents = [null]
  const depths = [0]
  const kinds = ['top']
  const visit = (child, parent, depth, kind) => {
    if (typeof child?.type !== 'string') return
    nodes.push(child)
    parents.push(parent)
    depths.push(depth)
    kinds.push(kind)
  }
  while (nodes.length > 0) {
    const node = nodes.pop()
    const parent = parents.pop()
    const functionDepth = depths.pop()
    const functionKind = kinds.pop()
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration': {
        if (!node.source) break
        const specifier = node.source.value
        asked(specifier, node.source)
        const imported = imports.get(specifier) ?? new Set()
        imports.set(specifier, imported)
        for (const spec of node.specifiers ?? []) {
          if (spec.type === 'ImportDefaultSpecifier') imported.add('default')
          const name =
            spec.type === 'ImportSpecifier'
              ? spec.imported
              : spec.type === 'ExportSpecifier'
                ? spec.local
                : undefined
          if (name) {
            imported.add(name.name ?? name.value)
            names.add(name)
          }
          if (spec.exported) names.add(spec.exported)
        }
        break
      }
      case 'ImportExpression': {
        renames.push(node.start)
        const specifier = literal(node.source)
        if (specifier === undefined) {
          problem(
            node,
            'import() with a computed module name: the dependency check cannot follow it; name the module with a string literal'
          )
        } else {
          asked(specifier, node.source)
        }
        break
      }
      case 'Literal':
      case 'TemplateLiteral':
        if (node.regex) regexes.push({ start: node.start, end: node.end, flags: node.regex.flags })
        if (
          LOADERS.has(literal(node)) &&
          !(parent?.type === 'Property' && parent.key === node && !parent.computed) &&
          !/^(Import|Export\w*)Declaration$|^ImportExpression$/.test(parent?.type ?? '') &&
          !(parent?.type === 'CallExpression' && allowed.has(parent.callee))
        ) {
          problem(node, `'${literal(node)}' as text can name a module loader: ${UNFOLLOWABLE}`)
        }
        break
      case 'WithStatement':
        problem(node, `with makes every name in it a property lookup: ${UNFOLLOWABLE}`)
        break
      case 'ThisExpression':
        if (
          functionKind === 'plain' &&
          !(parent?.type === 'MemberExpression' && parent.object === node && !parent.computed)
        ) {
          problem(
            node,
            `this in a plain function can be the global object, and reach require through it: ${UNFOLLOWABLE}`
          )
        }
        break
      case 'MetaProperty':
        if (node.meta.name === 'import') renames.push(node.start)
        names.add(node.meta)
        names.add(node.property)
        break
      case 'CallExpression':
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments.length === 1 &&
          literal(node.arguments[0]) !== undefined
        ) {
          allowed.add(node.callee)
          asked(literal(node.arguments[0]), node.arguments[0])
        }
        break
      case 'UnaryExpression':
        if (node.operator === 'typeof') allowed.add(node.argument)
        break
      case 'MemberExpression': {
        if (!node.computed) names.add(node.property)
        const name = propertyName(node)
        if (name === 'constructor') {
          problem(
            node.property,
            `'.constructor' reaches the Function constructor (code built from text) or node's Module: ${UNFOLLOWABLE}; use instanceof or compare prototypes instead`
          )
        } else if (LOADERS.has(name)) {
          problem(node.property, `'.${name}' can load modules or build code: ${UNFOLLOWABLE}`)
        } else if (name === undefined && globalName(node.object)) {
          problem(
            node.property,
            `a computed property of '${globalName(node.object)}' can be require or eval: ${UNFOLLOWABLE}`
          )
        }
        break
      }
      case 'Property':
        if (!node.computed && !node.shorthand) names.add(node.key)
        if (parent?.type === 'ObjectPattern') {
          const key = node.computed ? literal(node.key) : (node.key.name ?? node.key.value)
          if (LOADERS.has(key)) {
            problem(node.key, `taking '${key}' out of an object can load modules: ${UNFOLLOWABLE}`)
          }
        }
        break
      case 'MethodDefinition':
      case 'PropertyDefinition':
        if (!node.computed) names.add(node.key)
        break
      case 'LabeledStatement':
      case 'BreakStatement':
      case 'ContinueStatement':
        if (node.label) names.add(node.label)
        break
      case 'Identifier':
        if (names.has(node)) break
        if (node.name === 'require' && !allowed.has(node)) {
          problem(
            node,
            "require is used other than as require('<module name>'): the dependency check cannot follow it; call require with a string literal"
          )
        } else if (node.name === 'eval') {
          problem(node, `eval builds code from text: ${UNFOLLOWABLE}`)
        } else if (
          node.name === 'Function' &&
          !(parent?.type === 'BinaryExpression' && parent.operator === 'instanceof') &&
          !(parent?.type === 'MemberExpression' && propertyName(parent) === 'prototype')
        ) {
          problem(node, `the Function constructor builds code from text: ${UNFOLLOWABLE}`)
        } else if (
          GLOBALS.has(node.name) &&
          !(parent?.type === 'MemberExpression' && parent.object === node) &&
          !(parent?.type === 'UnaryExpression' && parent.operator === 'typeof')
        ) {
          problem(
            node,
            `'${node.name}' passed around or renamed can reach require through it: ${UNFOLLOWABLE}`
          )
        } else if (node.name === IMPORT_NAME) {
          problem(node, `'${IMPORT_NAME}' is a name the sandbox reserves`)
        } else if (node.name === 'arguments' && functionDepth === 0 && format === 'commonjs') {
          problem(
            node,
            "'arguments' at the top level of a CommonJS module: the dependency check cannot follow it"
          )
        }
        break
      default:
        break
    }
    const plainFunction = node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression'
    const depth = plainFunction ? functionDepth + 1 : functionDepth
    const method =
      (parent?.type === 'MethodDefinition' ||
        (parent?.type === 'Property' && (parent.method || parent.kind !== 'init'))) &&
      parent.value === node
    const kind = plainFunction ? (method ? 'method' : 'plain') : functionKind
    // Leaves: no node below them (a regex literal's `regex` and `value` are not nodes).
    if (node.type === 'Identifier' || node.type === 'Literal') continue
    // Every node is seen after its parent (what the cases above rely on); siblings in any order.
    for (const key in node) {
      const value = node[key]
      if (value === null || typeof value !== 'object') continue
      if (!Array.isArray(value)) visit(value, node, depth, kind)
      else for (const item of value) visit(item, node, depth, kind)
    }
  }
  const bySource = (a, b) => a.start - b.start
  renames.sort((a, b) => a - b)
  regexes.sort(bySource)
  return {
    requires: requires.sort(bySource).map(({ specifier, start }) => ({
      specifier,
      line: position(start).line
    })),
    problems: problems
      .sort(bySource)
      .slice(0, MAX_PROBLEMS)
      .map(({ message, start }) => {
        const { line, column } = position(start)
        return { message, line, column: column + 1 }
      }),
    renames,
    imports,
    regexes
  }
}

/** A module name cut to its limit ends in `…`, which no module name has: it cannot pass. */
function clipName(name) {
  return name.length > MAX_SPECIFIER_CHARS ? `${name.slice(0, MAX_SPECIFIER_CHARS - 1)}…` : name
}

module.exports = { collectModuleUses }
