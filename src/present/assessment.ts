/**
 * Sections III–V of a report: ĐÁNH GIÁ CHUNG, PHƯƠNG HƯỚNG, KIẾN NGHỊ. The consolidated report states
 * each theme once with the units that raised it; a unit's own report keeps its own points. Section V
 * is the issuer's own voice: its proposals, and the units' requests to it only for internal use.
 */
import type { Config, PeriodKey } from "../model.js";
import type { Theme } from "../synthesise/themes.js";
import type { ThemeList } from "../synthesise/synthesis.js";
import { formatCount } from "./format.js";
import { punctuate } from "./words.js";

export interface ListView {
  items: { text: string }[];
  /** What follows the list: where the rest is, or what replaces an empty list. */
  note: string;
}

/** A theme names its units up to this many; beyond, it counts them. */
const THEME_NAMES = 3;

/** `Thành viên Ban đều kiêm nhiệm … (07 đơn vị: A, B, …)` */
function themeText(t: Theme): string {
  const bare = t.text.replace(/[\s.;:,]+$/u, "");
  const n = t.units.length;
  const who =
    n === 1
      ? (t.units[0]?.name ?? "")
      : n <= THEME_NAMES
        ? `${formatCount(n)} đơn vị: ${t.units.map((u) => u.name).join(", ")}`
        : `${formatCount(n)} đơn vị`;
  return `${bare} (${who})`;
}

export function themeView(list: ThemeList, empty: string): ListView {
  if (list.points === 0) return { items: [], note: empty };
  const items = punctuate(list.themes.map(themeText)).map((text) => ({ text }));
  const rest = list.total - list.themes.length;
  return {
    items,
    note:
      rest > 0 ? `Ngoài ra, các đơn vị nêu ${formatCount(rest)} nội dung khác, chi tiết tại Phụ lục IV.` : "",
  };
}

/** A unit's own points, as written. */
export function ownView(points: readonly string[], empty: string): ListView {
  return points.length === 0
    ? { items: [], note: empty }
    : { items: punctuate(points).map((text) => ({ text })), note: "" };
}

/** IV's opening: the next period and the next guidance, in the issuer's voice. */
export function nextStepsIntro(
  period: PeriodKey,
  year: number,
  issuer: string,
  consolidated: boolean,
): string {
  const who = consolidated
    ? `${issuer} tiếp tục chỉ đạo các cơ quan, đơn vị thuộc Bộ`
    : `${issuer} tập trung`;
  if (period === "semi-annual")
    return consolidated
      ? `Trong 6 tháng cuối năm ${year}, ${who} hoàn thành các nhiệm vụ còn lại của năm ${year} và tập trung vào các nội dung sau:`
      : `Trong 6 tháng cuối năm ${year}, ${who} vào các nội dung sau:`;
  return consolidated
    ? `Năm ${year + 1}, ${who} triển khai công tác bình đẳng giới và vì sự tiến bộ của phụ nữ theo hướng dẫn năm ${year + 1}, tập trung vào các nội dung sau:`
    : `Năm ${year + 1}, ${who} vào các nội dung sau:`;
}

export interface ProposalsView {
  /** The issuer's own proposals. */
  own: ListView;
  /** The units' requests to the issuer, as themes: internal use only, else null. */
  units: ListView | null;
  unitsIntro: string;
}

export function proposalsView(
  config: Config | undefined,
  recommendations: ThemeList,
  issuer: string,
  internal: boolean,
): ProposalsView {
  const proposals = config?.proposals ?? [];
  return {
    own:
      proposals.length > 0
        ? { items: punctuate(proposals).map((text) => ({ text })), note: "" }
        : { items: [], note: `${issuer} không có kiến nghị, đề xuất.` },
    units: internal ? themeView(recommendations, "Các đơn vị không có kiến nghị, đề xuất.") : null,
    unitsIntro: `Kiến nghị, đề xuất của các đơn vị đối với ${issuer}:`,
  };
}
