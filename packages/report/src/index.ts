/**
 * @sporbar/report: the loaded workspace -> one neutral document (`buildDocument`) ->
 * docx, Markdown or HTML bytes (`renderDocx`, `renderMarkdown`, `renderHtml`). Pure
 * functions; files are written by the caller.
 */
export * from './document.js';
export * from './labels.js';
export { buildDocument, type BuildOptions } from './build-document.js';
export { logicSvg, type LogicDrawing, type LogicSvgOptions } from './logic-svg.js';
export { renderMarkdown } from './render-markdown.js';
export { renderHtml } from './render-html.js';
export { renderDocx, type DocxOptions } from './render-docx.js';
export { loadRasteriser, type Rasterise } from './raster.js';
export { REPORT_FONT_FAMILY, REPORT_FONT_FACES, reportFontData, type ReportFontFace } from './report-assets.js';
export { chartAlt, chartData, chartPng, chartSvg, niceScale, SERIES_COLOURS, type ChartDrawing, type ChartSeries, type ChartSvgOptions } from './chart-svg.js';
export { dataLabelsFor, type ChartAltParts, type DataLabels, type SeriesKind } from './data-labels.js';
export { formatCsvNumber, formatDataNumber } from './data-numbers.js';
export { formatTable, type FormattedTable, type TableCell, type TableFormatOptions } from './table-format.js';
export {
    dataCaption, dataOf, drawChart, gradesConfidence, methodRows, placeDataElements, sectionsBySlot, seriesLabels, tableCells,
    type DataCaption, type DataElement, type DataPlacement, type MethodRow
} from './report-data.js';
export {
    cutoffProblems, inclusionOf, naturalCompare, presentSources, previousReport, type ReportProblem
} from './report-model.js';
export { generateReport, chooseReport, reportBlockers, REPORT_FORMATS, type ReportFormat, type GenerateOptions, type ReportChoice } from './generate.js';
export { outputProblem, readTemplate, writeFileAtomic } from './report-output.js';
export { installReportBackend } from './server-backend.js';
