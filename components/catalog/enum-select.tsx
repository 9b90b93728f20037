import { FilterField } from "./filter-field";
import { OptionList } from "./option-list";

/**
 * A filter of a GET filter form that picks one value of an enum (organization type, transfer form,
 * IP status), with the empty "any" choice first. The field's id is `filter-<name>`.
 */
export function EnumSelect<V extends string>(props: {
  name: string;
  label: string;
  any: string;
  value: V | undefined;
  values: readonly V[];
  labelOf: (value: V) => string;
}) {
  return (
    <FilterField id={`filter-${props.name}`} label={props.label}>
      {(control) => (
        <select {...control} name={props.name} defaultValue={props.value ?? ""} className="form-control">
          <option value="">{props.any}</option>
          <OptionList choices={props.values.map((v) => [v, props.labelOf(v)] as const)} />
        </select>
      )}
    </FilterField>
  );
}
