/**
 * Stands in for jsPDF's optional helpers (html2canvas, DOMPurify, canvg) in the mocks' builds: the
 * reference API draws text and lines only, never HTML or SVG, so they are never called, and the
 * package neither ships nor asks a host for them.
 */
const unavailable = (): never => {
  throw new Error('The reference API does not render HTML or SVG into documents.');
};
export default unavailable;
export const sanitize = unavailable;
