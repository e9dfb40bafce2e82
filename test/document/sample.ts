import { parseMarkup } from "../../src/document/markup.js";
import type { DocumentModel, Frame } from "../../src/document/model.js";

export const sampleFrame: Frame = {
  parent: "Bộ Xây dựng",
  issuer: "Trung tâm Thông tin và Đào tạo nghiệp vụ quản lý đô thị",
  number: "Số: 125/BC-TTĐT",
  place: "Hà Nội",
  date: "2022-06-08",
  type: "Báo cáo",
  subject: "Sơ kết công tác bình đẳng giới và vì sự tiến bộ của phụ nữ 6 tháng đầu năm 2022",
  addressee: "Bộ Xây dựng (qua Vụ Tổ chức cán bộ).",
  recipients: ["Như trên", "Lãnh đạo Trung tâm", "Lưu: VT, TCCB"],
  signer: { authority: "KT. Giám đốc", position: "Phó Giám đốc", name: "Nguyễn Thị Minh Hạnh" },
};

const staffHeader = `
  <tr class="header"><th rowspan="2">TT</th><th rowspan="2">Đơn vị</th>
    <th colspan="3">Cán bộ, công chức, viên chức</th><th colspan="3">Lãnh đạo cấp đơn vị</th></tr>
  <tr class="header"><th>Tổng số</th><th>Nữ</th><th>Tỷ lệ %</th><th>Tổng số</th><th>Nữ</th><th>Tỷ lệ %</th></tr>`;

const unitRows = (count: number): string =>
  Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return `<tr><td class="center">${n}</td><td>Đơn vị số ${n} &amp; cộng sự</td><td class="right">${40 + n}</td>
    <td class="right">${20 + n}</td><td class="right">${(((20 + n) / (40 + n)) * 100).toFixed(1).replace(".", ",")}</td>
    <td class="right">${3 + n}</td><td class="right">${1 + (n % 3)}</td><td class="right">33,3</td></tr>`;
  }).join("\n");

export const sampleMarkup = `
<h1>I. Tình hình chung</h1>
<p>Thực hiện Công văn số 1234/BXD-TCCB ngày 15 tháng 5 năm 2022 của Bộ Xây dựng, Trung tâm báo cáo kết quả
  công tác bình đẳng giới và vì sự tiến bộ của phụ nữ 6 tháng đầu năm 2022 như sau. Đơn vị đã ghi nhận ý kiến
  &lt;b&gt;không in đậm&lt;/b&gt; và {{x}} đúng như nguyên văn.</p>
<h2>1. Số liệu cán bộ nữ</h2>
<p>Tổng số cán bộ, công chức, viên chức là <b>254</b> người, trong đó <b>138 nữ</b> (<i>chiếm 54,3%</i>).</p>
<table data-widths="6,34,10,10,10,10,10,10">
${staffHeader}
${unitRows(6)}
  <tr class="total"><td></td><td class="center">Tổng cộng</td><td class="right">261</td><td class="right">141</td>
    <td class="right">54,0</td><td class="right">39</td><td class="right">13</td><td class="right">33,3</td></tr>
</table>
<p>So với 6 tháng đầu năm:</p>
<table data-widths="52,16,16,16">
  <tr class="header"><th>Nội dung</th><th>6 tháng đầu năm</th><th>Cả năm</th><th>Tăng (+), giảm (-)</th></tr>
  <tr><td colspan="4"><b>Kinh phí (đồng)</b></td></tr>
  <tr><td>Dự toán</td><td class="right">1.290.000.000</td><td class="right">1.350.000.000</td>
    <td class="right">+60.000.000</td></tr>
</table>
<h3>a) Công tác tuyên truyền</h3>
<p>Tổ chức 08 lớp bồi dưỡng cho 214 lượt người, trong đó 160 nữ.<br>Các đơn vị đã báo cáo:</p>
<ul>
  <li>Phòng Hành chính: đã tổ chức hội nghị quán triệt</li>
  <li>Phòng Đào tạo: lồng ghép nội dung bình đẳng giới vào chương trình</li>
</ul>
<h1>II. Kết quả thực hiện</h1>
${Array.from(
  { length: 10 },
  (
    _,
    i,
  ) => `<p>Nội dung thứ ${i + 1}: các đơn vị tiếp tục triển khai kế hoạch hành động vì sự tiến bộ của phụ nữ,
  bảo đảm tỷ lệ nữ trong quy hoạch lãnh đạo đạt chỉ tiêu đề ra, tăng cường kiểm tra, giám sát việc thực hiện
  chính sách đối với lao động nữ tại cơ quan, đơn vị.</p>`,
).join("\n")}
<h1>III. Kiến nghị, đề xuất</h1>
<p>Đề nghị Bộ Xây dựng tiếp tục quan tâm, hướng dẫn công tác bình đẳng giới.</p>
<appendix label="Phụ lục I" title="Số liệu cán bộ nữ" note="(Kèm theo Báo cáo số 125/BC-TTĐT ngày 08 tháng 6 năm 2022 của Trung tâm)" landscape>
<table data-widths="4,26,8,8,8,8,8,8">
${staffHeader}
${unitRows(30)}
  <tr class="total"><td></td><td class="center">Tổng cộng</td><td class="right">261</td><td class="right">141</td>
    <td class="right">54,0</td><td class="right">39</td><td class="right">13</td><td class="right">33,3</td></tr>
</table>
</appendix>
<appendix label="Phụ lục II" title="Tình hình gửi báo cáo" note="(Kèm theo Báo cáo số 125/BC-TTĐT)">
<table data-widths="6,44,20,30">
  <tr><th>TT</th><th>Đơn vị</th><th>Ngày gửi</th><th>Tình trạng</th></tr>
  <tr><td class="center">1</td><td>Phòng Hành chính</td><td class="center">05/06/2022</td><td>Đúng hạn</td></tr>
  <tr><td class="center">2</td><td>Phòng Đào tạo</td><td class="center">10/06/2022</td><td>Muộn 02 ngày</td></tr>
</table>
</appendix>
`;

export function sampleModel(): DocumentModel {
  const { body, appendices } = parseMarkup(sampleMarkup);
  return { frame: sampleFrame, body, appendices };
}
