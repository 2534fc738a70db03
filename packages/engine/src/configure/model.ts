/**
 * Translates one base package (with the add-ons that may go on it) into propositional logic: one
 * variable per option and per add-on, clauses per constraint, each clause labelled with the catalog
 * constraint it comes from so explanations can name it.
 *
 * Semantics (shared with the validator's logic checks):
 * - An option group applies when its parent option is picked (top-level groups of the base always
 *   apply; those of an add-on apply when the add-on is picked). An applying group needs between
 *   `min` (default 0) and `max` (default: all) picks; an option of a group that does not apply cannot
 *   be picked.
 * - Retired options cannot be picked.
 * - A rule holds when its condition (all of / any of / none of; absent means always) is false or its
 *   consequence (require all / any / exactly one / none) is true. An add-on's own rules apply only
 *   when the add-on is picked. An id the package cannot pick (unknown, or an option of another
 *   package) is never picked: a rule requiring it forbids its condition.
 * - Add-ons: compatible with the base as the validator decides (`isCompatibleAddOn`: named in
 *   `addOn.packages`, or of a listed portfolio — or any, when none is listed — with a tier of at
 *   least `addOn.minTier`; with no compatibility block, every base of its own portfolio). Add-ons
 *   that are retired or draft, or not compatible, cannot be picked. The base's included add-ons are
 *   always on. `requires` / `excludes` hold between add-ons.
 */
import type { Condition, Consequence, Option, Package, Rule } from "@tessera/schema";
import type { CompiledCatalog } from "../compile.ts";
import { CnfBuilder, FALSE, not, TRUE } from "../logic/cnf.ts";
import { type Cnf, pos, Solver } from "../logic/solver.ts";
import { keepShapes } from "../shapes.ts";
import { isCompatibleAddOn } from "../validate/checks/addons.ts";
import { FormulaEncoder } from "./encode.ts";
import { eachId, isFormulaRule, ruleFormulas } from "./formula.ts";

export type ConstraintKind =
  | "rule"
  | "group"
  | "retired"
  | "incompatible"
  | "included"
  | "requires"
  | "excludes"
  | "mandatory";

/** A catalog constraint behind some clauses. `id` is the rule, group or add-on id. */
export interface Constraint {
  kind: ConstraintKind;
  id: string;
  /** Option or add-on the constraint is about (retired option, incompatible add-on...). */
  subject?: string;
  /** Description of the rule when it has one. */
  description?: string;
  /** The rule itself (rules only): reasons name it by its name, or read it as a sentence. */
  rule?: Rule;
  /** The group's name (groups only): reasons name the group by it. */
  name?: string;
}

export interface Variable {
  kind: "option" | "addOn";
  id: string;
  name: string;
  /** Package the option belongs to (the base or an add-on); the add-on itself for add-ons. */
  packageId: string;
  groupId?: string;
  /** The option itself (options only). */
  option?: Option;
  /** Why an add-on cannot go on this base, when it cannot. */
  incompatible?: string;
  included?: boolean;
}

export interface PackageLogic {
  base: Package;
  /** The real variables: 0 … vars.length − 1 in the solver. */
  vars: Variable[];
  index: Map<string, number>;
  constraints: Constraint[];
  /** Add-on packages by id (compatible or not) that appear in `vars`. */
  addOns: Map<string, Package>;
  /** The clauses (labels are indexes into `constraints`). */
  cnf: Cnf;
  /** The search solver (learns clauses; reused across configure calls on this package). */
  solver: Solver;
  /** A second solver over the original clauses only, used for propagation traces (built on first use). */
  readonly explainer: Solver;
  /**
   * For each rule of the base with a nested formula and a condition: its index in `base.rules` and a
   * literal that implies the condition (the validator asks whether some configuration applies it).
   */
  readonly ruleProbes: readonly RuleProbe[];
}

/** See `PackageLogic.ruleProbes`. */
export interface RuleProbe {
  index: number;
  applies: number;
}

/** Whether an add-on may be bought with the base, and if not, why (one sentence). */
export function addOnFit(addOn: Package, base: Package, catalog?: CompiledCatalog): string | undefined {
  if (addOn.status !== "active") return `${addOn.name} is ${addOn.status} and cannot be sold.`;
  if (isCompatibleAddOn(addOn, base)) return undefined;
  const minTier = addOn.addOn?.minTier;
  if (minTier !== undefined && base.tier < minTier) {
    // A buyer does not know tier numbers: name the lowest package that takes it, as paths do.
    const lowest = (catalog?.ladders.get(base.portfolio) ?? []).find(
      (p) => p.tier >= minTier && p.status === "active" && isCompatibleAddOn(addOn, p),
    );
    const hint = lowest ? ` (${lowest.name} or higher)` : "";
    return `${addOn.name} needs a package of tier ${minTier} or higher${hint}; ${base.name} is tier ${base.tier}.`;
  }
  return `${addOn.name} cannot be added to ${base.name}.`;
}

/**
 * Add-ons of a catalog indexed once per compiled catalog: by portfolio (their own, and those their
 * compatibility lists), by named base package, and those open to every portfolio (minTier only).
 */
interface AddOnIndex {
  byPortfolio: Map<string, Package[]>;
  byPackage: Map<string, Package[]>;
  anyPortfolio: Package[];
  byId: Map<string, Package>;
}
const addOnIndexes = new WeakMap<CompiledCatalog, AddOnIndex>();

function addOnIndex(catalog: CompiledCatalog): AddOnIndex {
  let index = addOnIndexes.get(catalog);
  if (index) return index;
  const built: AddOnIndex = {
    byPortfolio: new Map(),
    byPackage: new Map(),
    anyPortfolio: [],
    byId: new Map(),
  };
  const add = (map: Map<string, Package[]>, key: string, p: Package) => {
    const list = map.get(key);
    if (list) {
      if (list[list.length - 1] !== p) list.push(p);
    } else map.set(key, [p]);
  };
  for (const { value: p } of catalog.packages.values()) {
    if (p.role !== "add_on") continue;
    built.byId.set(p.id, p);
    add(built.byPortfolio, p.portfolio, p);
    const c = p.addOn;
    for (const portfolio of c?.portfolios ?? []) add(built.byPortfolio, portfolio, p);
    for (const id of c?.packages ?? []) add(built.byPackage, id, p);
    if (c && c.portfolios === undefined && c.minTier !== undefined) built.anyPortfolio.push(p);
  }
  addOnIndexes.set(catalog, built);
  index = built;
  return index;
}

/** Whether an add-on is relevant to a base: compatible with it, of its portfolio, or included in it. */
function isCandidateAddOn(p: Package, base: Package): boolean {
  if (p.role !== "add_on") return false;
  if (p.portfolio === base.portfolio || isCompatibleAddOn(p, base)) return true;
  return base.includedAddOns?.some((inc) => inc.addOn === p.id) === true;
}

/** The add-ons relevant to a base (`isCandidateAddOn`), found through the catalog's add-on index. */
function candidateAddOns(catalog: CompiledCatalog, base: Package): Package[] {
  const index = addOnIndex(catalog);
  const out = new Set<Package>();
  for (const p of index.byPortfolio.get(base.portfolio) ?? []) if (isCandidateAddOn(p, base)) out.add(p);
  for (const p of index.byPackage.get(base.id) ?? []) out.add(p);
  for (const p of index.anyPortfolio) if (isCandidateAddOn(p, base)) out.add(p);
  for (const inc of base.includedAddOns ?? []) {
    const p = index.byId.get(inc.addOn);
    if (p) out.add(p);
  }
  return [...out];
}

/**
 * Memory that the short-lived logics of one validation run share, one after another (see
 * `coreLogic`): a catalog has hundreds of small packages, and allocating each one's clause and
 * solver arrays would cost more than deciding it.
 */
export class LogicWorkspace {
  readonly cnf = new CnfBuilder();
  readonly solver = new Solver();
  readonly core = new CoreAddOns();

  /** Drops the workspace's references into the last catalog (its memory stays for the next use). */
  release(): void {
    this.core.release();
  }
}

const cache = new WeakMap<CompiledCatalog, Map<string, PackageLogic>>();

/** The logic of a base package, built once per compiled catalog and cached. */
export function packageLogic(catalog: CompiledCatalog, base: Package): PackageLogic {
  let perCatalog = cache.get(catalog);
  if (!perCatalog) {
    perCatalog = new Map();
    cache.set(catalog, perCatalog);
  }
  const hit = perCatalog.get(base.id);
  if (hit) return hit;
  const built = buildLogic(catalog, base);
  perCatalog.set(base.id, built);
  return built;
}

const repeats = new WeakMap<CompiledCatalog, boolean>();

/**
 * Whether some package id or option id of the catalog is declared twice, or an add-on's id is also
 * an option id (counted once per compiled catalog against compile's first-wins maps). Without such
 * a repeat, no base's options, candidate add-ons and their options share an id.
 */
function idsRepeat(catalog: CompiledCatalog): boolean {
  let found = repeats.get(catalog);
  if (found === undefined) {
    const pkgs = catalog.doc.packages;
    found = catalog.packages.size !== pkgs.length;
    let options = 0;
    for (const pkg of pkgs) {
      if (pkg.optionGroups) for (const g of pkg.optionGroups) options += g.options.length;
      if (pkg.role === "add_on" && catalog.options.has(pkg.id)) found = true;
    }
    if (options !== catalog.options.size) found = true;
    repeats.set(catalog, found);
  }
  return found;
}

/**
 * The logic of a base package restricted to the add-ons its own options can interact with: those
 * its rules mention (directly or through their options), its included add-ons, and, transitively,
 * the add-ons those mention in their rules, `requires` and `excludes`. Not cached and not for
 * `configure` (which needs every add-on); for yes/no questions about the base's own options.
 *
 * Exact for those questions: every constraint of a left-out add-on holds when it and its options
 * are unpicked (its groups and rules are guarded by it, its `requires`/`excludes` start with "not
 * it", and no kept constraint mentions it), so any model of the restriction extends to a model of
 * the whole package, and every model of the whole package restricts to one of the restriction.
 * When an id is declared twice anywhere among packages and options (a duplicate the `ids` check
 * reports), the full logic is returned.
 *
 * With a `workspace`, the clauses and the solver reuse its memory: the logic is valid only until
 * the workspace is used again.
 */
export function coreLogic(catalog: CompiledCatalog, base: Package, workspace?: LogicWorkspace): PackageLogic {
  if (idsRepeat(catalog)) return packageLogic(catalog, base);
  return buildLogic(catalog, base, "core", workspace);
}

/**
 * The add-ons of the base's core logic (see `coreLogic`). `own` holds the base's own option ids,
 * which need no catalog lookup (most ids rules mention are those).
 */
function coreAddOns(
  core: CoreAddOns,
  catalog: CompiledCatalog,
  base: Package,
  own: ReadonlyMap<string, number>,
): Package[] {
  core.reset(catalog, base, own);
  if (base.rules) for (const r of base.rules) core.mentionRule(r);
  if (base.includedAddOns) for (const inc of base.includedAddOns) core.mention(inc.addOn);
  // Kept add-ons in turn keep those they mention (the list grows while it is walked).
  const kept = core.kept;
  for (let k = 0; k < kept.length; k++) {
    const a = kept[k]!;
    if (a.rules) for (const r of a.rules) core.mentionRule(r);
    if (a.addOn?.requires) for (const id of a.addOn.requires) core.mention(id);
    if (a.addOn?.excludes) for (const id of a.addOn.excludes) core.mention(id);
  }
  // A copy: a workspace's list is reused by the next package.
  return kept.slice();
}

/**
 * The add-ons a base's core logic keeps (see `coreLogic`), collected id by id. A reusable object
 * rather than closures handed to a visitor, or a new object per package: optimized code is thrown
 * away when a closure or hidden class it was built for dies, which would happen between runs.
 */
class CoreAddOns {
  kept: Package[] = [];
  private readonly seen = new Set<Package>();
  private catalog: CompiledCatalog | undefined;
  private base: Package | undefined;
  private own: ReadonlyMap<string, number> | undefined;

  reset(catalog: CompiledCatalog, base: Package, own: ReadonlyMap<string, number>): this {
    this.catalog = catalog;
    this.base = base;
    this.own = own;
    this.kept.length = 0;
    this.seen.clear();
    return this;
  }

  /** Forgets the catalog, so a workspace kept between validations does not keep it alive. */
  release(): void {
    this.catalog = undefined;
    this.base = undefined;
    this.own = undefined;
    this.kept.length = 0;
    this.seen.clear();
  }

  /**
   * Keeps the candidate add-on of the base (`isCandidateAddOn`) that declares `id`, as itself or as
   * one of its options. No id repeats, so compile's maps name the one package that declares it.
   */
  mention(id: string): void {
    if (this.own!.has(id)) return;
    const catalog = this.catalog!;
    const option = catalog.options.get(id);
    const p = option !== undefined ? option.package : catalog.packages.get(id)?.value;
    if (p === undefined || this.seen.has(p) || !isCandidateAddOn(p, this.base!)) return;
    this.seen.add(p);
    this.kept.push(p);
  }

  /** Every id a rule mentions (condition and consequence). */
  mentionRule(r: Rule): void {
    if (isFormulaRule(r)) {
      const { when, then } = ruleFormulas(r);
      if (when !== undefined) eachId(when, (id) => this.mention(id));
      eachId(then, (id) => this.mention(id));
      return;
    }
    // List rules (both sides in list form), read without building formulas: big packages have thousands.
    const w = r.when as Condition | undefined;
    const t = r.then as Consequence;
    if (w?.allOf) for (const id of w.allOf) this.mention(id);
    if (w?.anyOf) for (const id of w.anyOf) this.mention(id);
    if (w?.noneOf) for (const id of w.noneOf) this.mention(id);
    if (t.requireAll) for (const id of t.requireAll) this.mention(id);
    if (t.requireAny) for (const id of t.requireAny) this.mention(id);
    if (t.requireExactlyOne) for (const id of t.requireExactlyOne) this.mention(id);
    if (t.requireNone) for (const id of t.requireNone) this.mention(id);
  }
}

/**
 * The logic of the base with the given candidate add-ons: all of them (the default), or "core" for
 * the core logic's (see `coreLogic`).
 */
function buildLogic(
  catalog: CompiledCatalog,
  base: Package,
  which: Package[] | "core" = candidateAddOns(catalog, base),
  workspace?: LogicWorkspace,
): PackageLogic {
  return new LogicBuilder(catalog, base, workspace).build(which);
}

/**
 * The variable of a candidate add-on. One object literal per combination of the optional fields:
 * fields added afterwards would give the objects hidden classes V8 drops between validations
 * (see shapes.ts).
 */
function addOnVariable(a: Package, incompatible: string | undefined, included: boolean): Variable {
  const { id, name } = a;
  if (incompatible === undefined)
    return included
      ? { kind: "addOn", id, name, packageId: id, included }
      : { kind: "addOn", id, name, packageId: id };
  return included
    ? { kind: "addOn", id, name, packageId: id, incompatible, included }
    : { kind: "addOn", id, name, packageId: id, incompatible };
}

/**
 * Builds one package's logic. A class rather than closures inside `buildLogic`: a validation builds
 * hundreds of small logics, and closures would be made anew for each one.
 */
class LogicBuilder {
  readonly vars: Variable[] = [];
  readonly index = new Map<string, number>();
  readonly addOns = new Map<string, Package>();
  readonly constraints: Constraint[] = [];
  readonly cnf: CnfBuilder;
  /** The base's included add-ons. */
  private readonly included = new Set<string>();
  /** Scratch lists of `encodeRule`, reused by every rule: big packages have thousands. */
  private readonly premise: number[] = [];
  private readonly any: number[] = [];
  /** Encodes rules with nested formulas (made on the first one). */
  private formulas: FormulaEncoder | undefined = undefined;
  private readonly probes: RuleProbe[] = [];

  constructor(
    private readonly catalog: CompiledCatalog,
    private readonly base: Package,
    private readonly workspace: LogicWorkspace | undefined,
  ) {
    this.cnf = workspace ? workspace.cnf.reset() : new CnfBuilder();
  }

  build(which: Package[] | "core"): PackageLogic {
    const { base, workspace, cnf, included, addOns } = this;
    if (base.includedAddOns) for (const i of base.includedAddOns) included.add(i.addOn);
    this.declareOptions(base);
    const candidates =
      which === "core"
        ? coreAddOns(workspace ? workspace.core : new CoreAddOns(), this.catalog, base, this.index)
        : which;
    // Why each candidate cannot go on the base (undefined when it can), decided once.
    const fits: (string | undefined)[] = [];
    const compatible: Package[] = [];
    for (const a of candidates) {
      const why = addOnFit(a, base, this.catalog);
      fits.push(why);
      addOns.set(a.id, a);
      this.declare(addOnVariable(a, why, included.has(a.id)));
      if (why === undefined) compatible.push(a);
    }
    for (const a of candidates) this.declareOptions(a);

    // Options: retired ones can never be picked; groups bound their picks.
    this.encodeGroups(base, TRUE);
    for (const a of candidates) this.encodeGroups(a, this.lit(a.id));
    if (base.rules) for (let j = 0; j < base.rules.length; j++) this.encodeRule(base.rules[j]!, TRUE, j);
    for (const a of compatible) if (a.rules) for (const r of a.rules) this.encodeRule(r, this.lit(a.id));

    // Add-on compatibility.
    for (let k = 0; k < candidates.length; k++) {
      const a = candidates[k]!;
      const v = this.lit(a.id);
      if (included.has(a.id)) cnf.unit(v, this.constraint("included", base.id, a.id));
      if (fits[k] !== undefined) {
        cnf.unit(not(v), this.constraint("incompatible", a.id, a.id));
        continue;
      }
      if (a.addOn?.requires)
        for (const r of a.addOn.requires)
          cnf.binary(not(v), this.lit(r), this.constraint("requires", a.id, r));
      if (a.addOn?.excludes)
        for (const e of a.addOn.excludes)
          cnf.binary(not(v), not(this.lit(e)), this.constraint("excludes", a.id, e));
    }
    for (const id of included) {
      if (!addOns.has(id)) cnf.clause([], this.constraint("included", base.id, id));
    }

    const built = cnf.build();
    let solver: Solver;
    if (workspace) {
      solver = workspace.solver;
      solver.load(built);
    } else solver = new Solver(built);
    return new BuiltLogic(base, this.vars, this.index, this.constraints, addOns, built, solver, this.probes);
  }

  /**
   * The label of clauses coming from a catalog constraint. A workspace logic only answers yes/no
   * questions, so it records none (every label is −1) and allocates nothing for them.
   */
  private constraint(
    kind: ConstraintKind,
    id: string,
    subject?: string,
    description?: string,
    rule?: Rule,
    name?: string,
  ): number {
    if (this.workspace) return -1;
    const c: Constraint = { kind, id };
    if (subject !== undefined) c.subject = subject;
    if (description !== undefined) c.description = description;
    if (rule !== undefined) c.rule = rule;
    if (name !== undefined) c.name = name;
    return this.constraints.push(c) - 1;
  }

  private declare(v: Variable): void {
    if (this.index.has(v.id)) return;
    this.index.set(v.id, this.cnf.newVar());
    this.vars.push(v);
  }

  private declareOptions(pkg: Package): void {
    if (pkg.optionGroups === undefined) return;
    for (const g of pkg.optionGroups) {
      for (const o of g.options) {
        this.declare({ kind: "option", id: o.id, name: o.name, packageId: pkg.id, groupId: g.id, option: o });
      }
    }
  }

  private lit(id: string): number {
    const v = this.index.get(id);
    return v === undefined ? FALSE : pos(v);
  }

  private encodeGroups(pkg: Package, scope: number): void {
    if (pkg.optionGroups === undefined) return;
    const cnf = this.cnf;
    for (const g of pkg.optionGroups) {
      const label = this.constraint("group", g.id, undefined, undefined, undefined, g.name);
      let guard = scope;
      if (g.parentOption !== undefined) {
        const parentVar = this.index.get(g.parentOption);
        const parentOwner = parentVar === undefined ? undefined : this.vars[parentVar];
        guard = parentOwner?.kind === "option" && parentOwner.packageId === pkg.id ? pos(parentVar!) : FALSE;
      }
      const members: number[] = [];
      for (const o of g.options) members.push(this.lit(o.id));
      for (const m of members) cnf.binary(not(m), guard, label);
      cnf.atMost(g.max ?? members.length, members, guard, label);
      cnf.atLeast(g.min ?? 0, members, guard, label);
      for (const o of g.options) {
        if (o.status === "retired") {
          cnf.unit(not(this.lit(o.id)), this.constraint("retired", o.id, o.id));
        }
        // Mandatory: on whenever its group applies.
        if (o.mandatory === true)
          cnf.binary(not(guard), this.lit(o.id), this.constraint("mandatory", g.id, o.id));
      }
    }
  }

  /**
   * One pass over each list of the rule, no intermediate arrays: the premise goes into the scratch
   * `premise` (its first `np` entries), and so do the literals of "any of".
   */
  private encodeRule(r: Rule, scope: number, baseIndex = -1): void {
    const { cnf, premise, any } = this;
    const label = this.constraint("rule", r.id, undefined, r.description, r);
    if (isFormulaRule(r)) {
      const { when, then } = ruleFormulas(r);
      this.formulas ??= new FormulaEncoder(cnf, (id) => this.lit(id));
      this.formulas.rule(when, then, scope, label);
      if (baseIndex >= 0 && when !== undefined)
        this.probes.push({ index: baseIndex, applies: this.formulas.probe(when, label) });
      return;
    }
    // A list rule (both sides in list form): encoded directly, without building formulas.
    const w = r.when as Condition | undefined;
    // The premise (scope, all of, none of) without TRUE literals; a FALSE one means never applies.
    let np = 0;
    if (scope === FALSE) return;
    if (scope !== TRUE) premise[np++] = scope;
    if (w?.allOf)
      for (const id of w.allOf) {
        const l = this.lit(id);
        if (l === FALSE) return;
        premise[np++] = l;
      }
    if (w?.noneOf)
      for (const id of w.noneOf) {
        const l = not(this.lit(id));
        if (l === FALSE) return;
        if (l !== TRUE) premise[np++] = l;
      }
    // "any of": -1 when the rule has none, else how many of its literals are not FALSE.
    let na = -1;
    if (w?.anyOf) {
      na = 0;
      for (const id of w.anyOf) {
        const l = this.lit(id);
        if (l !== FALSE) any[na++] = l;
      }
      if (na === 0) return;
    }
    let cond: number;
    if (na < 0 && np === 0) cond = TRUE;
    else if (na < 0 && np === 1) cond = premise[0]!;
    else if (na === 1 && np === 0) cond = any[0]!;
    else {
      // cond ↔ premise ∧ (any of): one clause "premise ∧ b → cond" per literal b of any of.
      cond = pos(cnf.newVar());
      for (let k = 0; k < Math.max(na, 1); k++) {
        cnf.begin();
        for (let i = 0; i < np; i++) cnf.add(not(premise[i]!));
        if (na > 0) cnf.add(not(any[k]!));
        cnf.add(cond);
        cnf.end(label);
      }
    }
    const nc = not(cond);
    const t = r.then as Consequence;
    if (t.requireAll) for (const id of t.requireAll) cnf.binary(nc, this.lit(id), label);
    if (t.requireAny) {
      cnf.begin();
      cnf.add(nc);
      for (const id of t.requireAny) cnf.add(this.lit(id));
      cnf.end(label);
    }
    if (t.requireExactlyOne) {
      const xs: number[] = [];
      for (const id of t.requireExactlyOne) xs.push(this.lit(id));
      cnf.begin();
      cnf.add(nc);
      for (const x of xs) cnf.add(x);
      cnf.end(label);
      cnf.atMost(1, xs, cond, label);
    }
    if (t.requireNone) for (const id of t.requireNone) cnf.binary(nc, not(this.lit(id)), label);
  }
}

/**
 * A built logic. A class rather than an object literal with a getter: a literal's getter is a new
 * closure each time, which gives every logic its own hidden class, and the code reading logics
 * (the logic check visits hundreds per validation) would see hundreds of shapes.
 */
class BuiltLogic implements PackageLogic {
  private explainerSolver: Solver | undefined;

  constructor(
    readonly base: Package,
    readonly vars: Variable[],
    readonly index: Map<string, number>,
    readonly constraints: Constraint[],
    readonly addOns: Map<string, Package>,
    readonly cnf: Cnf,
    readonly solver: Solver,
    readonly ruleProbes: readonly RuleProbe[] = [],
  ) {}

  get explainer(): Solver {
    this.explainerSolver ??= new Solver(this.cnf);
    return this.explainerSolver;
  }
}

// A tiny logic, its explainer built, and a builder keep the hidden classes of built logics and of
// their builders between validations (see shapes.ts).
{
  const sample = new BuiltLogic(
    {} as Package,
    [],
    new Map(),
    [],
    new Map(),
    new CnfBuilder().build(),
    new Solver(),
  );
  void sample.explainer;
  keepShapes(sample, new LogicBuilder({} as CompiledCatalog, {} as Package, new LogicWorkspace()));
}
