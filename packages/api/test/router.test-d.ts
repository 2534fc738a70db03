/** The API's types as the web app sees them (checked by `tsc`, which typechecks this folder). */
import type { Diagnostic, Move, PriceResult } from "@tessera/engine";
import type { Catalog, Quote } from "@tessera/schema";
import { expectTypeOf } from "vitest";
import type { RouterInputs, RouterOutputs } from "../src/router.ts";

expectTypeOf<RouterOutputs["me"]["role"]>().toEqualTypeOf<
  "admin" | "designer" | "seller" | "reader" | "account_manager" | "customer"
>();
expectTypeOf<RouterOutputs["me"]["customer"]>().toEqualTypeOf<string | null>();
expectTypeOf<RouterInputs["catalogs"]["updateDraft"]>().toEqualTypeOf<{
  catalogId: string;
  revision: number;
  doc: Record<string, unknown>;
}>();
expectTypeOf<RouterOutputs["catalogs"]["publish"]["version"]>().toEqualTypeOf<number>();
expectTypeOf<RouterOutputs["catalogs"]["publish"]["warnings"]>().toEqualTypeOf<Diagnostic[]>();
expectTypeOf<RouterOutputs["catalogs"]["getVersion"]["doc"]>().toEqualTypeOf<Catalog>();
expectTypeOf<RouterInputs["quotes"]["price"]["quote"]>().toEqualTypeOf<Quote>();
expectTypeOf<RouterOutputs["quotes"]["save"]["price"]>().toEqualTypeOf<PriceResult>();
expectTypeOf<RouterOutputs["arrangements"]["applyMove"]["move"]>().toEqualTypeOf<Move>();
expectTypeOf<RouterInputs["catalogs"]["diff"]["from"]>().toEqualTypeOf<number | "draft">();
