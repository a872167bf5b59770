// <testcloud-license-usage>: its own title and series colours; every interval, the organization filter, every state, themes and widths,
// all served by the mock service of src/mock (see usage-chart-kit.ts).
import type { Meta } from '@storybook/web-components-vite';
import { usageCases, type UsageArgs } from './usage-chart-kit.js';

const meta: Meta<UsageArgs> = {
  title: 'Elements/testcloud-license-usage',
  component: 'testcloud-license-usage',
  parameters: { layout: 'padded' },
};
export default meta;

const c = usageCases('testcloud-license-usage');
export const Default = c.Default;
export const Hourly = c.Hourly;
export const Daily = c.Daily;
export const Weekly = c.Weekly;
export const Monthly = c.Monthly;
export const OrganizationFilter = c.OrganizationFilter;
export const DstChange = c.DstChange;
export const YearByDay = c.YearByDay;
export const HourlyMonth = c.HourlyMonth;
export const NoEndpoint = c.NoEndpoint;
export const Loading = c.Loading;
export const Busy = c.Busy;
export const EmptyRange = c.EmptyRange;
export const Compare = c.Compare;
export const AllocationChanges = c.AllocationChanges;
export const BadAttributes = c.BadAttributes;
export const SignIn = c.SignIn;
export const Forbidden = c.Forbidden;
export const BadRequest = c.BadRequest;
export const ServerError = c.ServerError;
export const NetworkError = c.NetworkError;
export const Timeout = c.Timeout;
export const MalformedJson = c.MalformedJson;
export const ContractViolation = c.ContractViolation;
export const Dark = c.Dark;
export const DarkHourly = c.DarkHourly;
export const Brand = c.Brand;
export const Narrow = c.Narrow;
export const NarrowDark = c.NarrowDark;
export const Wide = c.Wide;
export const German = c.German;
