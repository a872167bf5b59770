export { MultiSelect, type MultiSelectOptions, type OptionRow } from './multi-select.js';
export { orgOptions, flatOptions, orgNames } from './org-tree.js';
export { renderDateRange, type DateRangeOptions } from './date-range.js';
export { filterStyles } from './filters.styles.js';
export { OrgPicker, type OrgPickerOptions } from './org-picker.js';
