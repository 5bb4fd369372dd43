import type { ArmParameter, ArmTemplate, Json, ParametersFile } from './armTemplate';

export const NESTED_DEPLOYMENT = 'councilAssistant';

/**
 * The "new resource group" variant, made from the "existing resource group" template so the
 * two never drift: a subscription-level deployment that creates the resource group, then
 * deploys the same resources into it as a nested template with its own (inner) scope.
 */
export function newResourceGroupTemplate(inner: ArmTemplate): ArmTemplate {
  const innerParams = inner.parameters ?? {};
  const outerParams: Record<string, ArmParameter> = {
    groupName: { type: 'string', minLength: 1, maxLength: 90, metadata: { description: 'Name of the new resource group, e.g. rg-anytown-assistant.' } },
    groupLocation: {
      type: 'string',
      minLength: 1,
      metadata: { description: 'Azure region of the new resource group and of every regional resource, e.g. uksouth.' },
    },
  };
  for (const [name, def] of Object.entries(innerParams)) if (name !== 'location') outerParams[name] = def;

  const passed: Record<string, Json> = { location: { value: "[parameters('groupLocation')]" } };
  for (const name of Object.keys(innerParams)) if (name !== 'location') passed[name] = { value: `[parameters('${name}')]` };

  const outputs: Record<string, { type: string; value: string }> = {};
  for (const [name, out] of Object.entries(inner.outputs ?? {}))
    outputs[name] = { type: String(out.type), value: `[reference('${NESTED_DEPLOYMENT}').outputs.${name}.value]` };

  return {
    $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
    contentVersion: inner.contentVersion,
    metadata: {
      description: 'Council Assistant in a new resource group (generated from ../deployUseExistResourceGroup by `npm run deploy:templates`; edit that one).',
    },
    parameters: outerParams,
    resources: [
      {
        type: 'Microsoft.Resources/resourceGroups',
        apiVersion: '2022-09-01',
        name: "[parameters('groupName')]",
        location: "[parameters('groupLocation')]",
        properties: {},
      },
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: NESTED_DEPLOYMENT,
        resourceGroup: "[parameters('groupName')]",
        dependsOn: ["[resourceId('Microsoft.Resources/resourceGroups', parameters('groupName'))]"],
        properties: {
          mode: 'Incremental',
          expressionEvaluationOptions: { scope: 'inner' },
          parameters: passed,
          template: inner as unknown as Json,
        },
      },
    ],
    outputs,
  } as ArmTemplate & { metadata: Json };
}

/** The matching parameters file: the existing-group one plus the group's name and region. */
export function newResourceGroupParameters(withRg: ParametersFile, groupName: string, groupLocation: string): ParametersFile {
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
    contentVersion: '1.0.0.0',
    parameters: { groupName: { value: groupName }, groupLocation: { value: groupLocation }, ...withRg.parameters },
  } as ParametersFile;
}
