/**
 * The component map: every HubSpot component name an extension may send → the React component that
 * draws it as HTML. A name missing here renders as a visible placeholder naming it (never an error),
 * so a card using something new still shows everything else.
 */
import type { ComponentType, ReactNode } from 'react';
import { Button, Dropdown, DropdownButtonItem, LoadingButton } from './buttons';
import { BarChart, LineChart } from './charts';
import {
  Alert,
  EmptyState,
  ErrorState,
  LoadingSpinner,
  ProgressBar,
  ScoreCircle,
  Statistics,
  StatisticsItem,
  StatisticsTrend,
  StepIndicator,
} from './feedback';
import {
  CurrencyInput,
  DateInput,
  Form,
  Input,
  NumberInput,
  SearchInput,
  StepperInput,
  TextArea,
  TimeInput,
} from './inputs';
import { AutoGrid, Box, ButtonRow, Card, Divider, Flex, Inline, Spacer, Stack, Tile } from './layout';
import { Modal, ModalBody, ModalFooter, Panel, PanelBody, PanelFooter, PanelSection } from './overlays';
import { Checkbox, MultiSelect, RadioButton, Select, Toggle, ToggleGroup } from './selects';
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from './table';
import { Accordion, Tab, Tabs } from './tabs';
import {
  DescriptionList,
  DescriptionListItem,
  Heading,
  Icon,
  Image,
  Link,
  List,
  StatusTag,
  Tag,
  Text,
  Tooltip,
} from './text';

// Host components receive whatever props the extension serialised; each mapping reads the ones it knows.
// biome-ignore lint/suspicious/noExplicitAny: props arrive untyped over the wire
type HostComponent = ComponentType<any>;

export const componentMap: Record<string, HostComponent> = {
  // layout
  Flex,
  Box,
  Inline,
  Stack,
  AutoGrid,
  Divider,
  Spacer,
  Tile,
  Card,
  ButtonRow,
  // text
  Text,
  Heading,
  Link,
  List,
  Tag,
  StatusTag,
  Icon,
  Image,
  Tooltip,
  DescriptionList,
  DescriptionListItem,
  // actions
  Button,
  LoadingButton,
  Dropdown,
  DropdownButtonItem,
  // inputs
  Form,
  Input,
  TextArea,
  Textarea: TextArea,
  NumberInput,
  CurrencyInput,
  StepperInput,
  DateInput,
  TimeInput,
  SearchInput,
  Select,
  MultiSelect,
  Checkbox,
  RadioButton,
  ToggleGroup,
  Toggle,
  // data
  Table,
  TableHead,
  TableBody,
  TableFooter,
  TableRow,
  TableCell,
  TableHeader,
  Statistics,
  StatisticsItem,
  StatisticsTrend,
  BarChart,
  LineChart,
  ProgressBar,
  ScoreCircle,
  StepIndicator,
  // navigation and overlays
  Tabs,
  Tab,
  Accordion,
  Modal,
  ModalBody,
  ModalFooter,
  Panel,
  PanelBody,
  PanelFooter,
  PanelSection,
  // states
  Alert,
  EmptyState,
  ErrorState,
  LoadingSpinner,
};

/** The SDK's experimental variants draw like their stable counterparts here. */
for (const name of Object.keys(componentMap)) {
  const base = componentMap[name];
  if (base) componentMap[`Experimental${name}`] ??= base;
}

const placeholders = new Map<string, HostComponent>();

/** What an unknown component name renders: a dashed box naming it, with its children inside. */
export function placeholderFor(name: string): HostComponent {
  let c = placeholders.get(name);
  if (!c) {
    c = function UnknownComponent(props: { children?: ReactNode; testId?: string }) {
      return (
        <div
          className="hs-unknown"
          data-hs-unknown={name}
          data-testid={props.testId}
          title={`No workbench mapping for <${name}>`}
        >
          <span className="hs-unknown-name">&lt;{name}&gt; is not mapped in the workbench</span>
          {props.children}
        </div>
      );
    };
    placeholders.set(name, c);
  }
  return c;
}

export function resolveComponent(name: string): HostComponent {
  return componentMap[name] ?? placeholderFor(name);
}
