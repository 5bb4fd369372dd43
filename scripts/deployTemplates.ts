/**
 * npm run deploy:templates — regenerates the new-resource-group template from the
 * existing-resource-group one (edit only that one).
 * npm run deploy:check -- <parameters file> [name=value …] — checks a parameters file
 * against its template before you run `az deployment`, naming every missing or wrong value.
 */
import fs from 'node:fs';
import path from 'node:path';
import { configKeys, KEYS_NOT_SET_BY_AZURE_TEMPLATES } from '../bot/config';
import {
  checkAppSettings,
  checkParameters,
  checkProductionPosture,
  checkTemplate,
  readJson,
  templateForParameters,
  type ArmTemplate,
  type Json,
  type ParametersFile,
} from './deploy/armTemplate';
import { newResourceGroupParameters, newResourceGroupTemplate } from './deploy/newResourceGroupTemplate';

export const TEMPLATES_DIR = path.resolve(__dirname, '..', 'deploymentTemplates');
export const WITH_RG_TEMPLATE = path.join(TEMPLATES_DIR, 'deployUseExistResourceGroup', 'template-CouncilAssistant-with-rg.json');
export const WITH_RG_PARAMETERS = path.join(TEMPLATES_DIR, 'deployUseExistResourceGroup', 'parameters-for-template-CouncilAssistant-with-rg.json');
export const NEW_RG_TEMPLATE = path.join(TEMPLATES_DIR, 'deployWithNewResourceGroup', 'template-CouncilAssistant-new-rg.json');
export const NEW_RG_PARAMETERS = path.join(TEMPLATES_DIR, 'deployWithNewResourceGroup', 'parameters-for-template-CouncilAssistant-new-rg.json');

export function generatedNewRgFiles(): Array<[string, string]> {
  const inner = readJson<ArmTemplate>(WITH_RG_TEMPLATE);
  const params = readJson<ParametersFile>(WITH_RG_PARAMETERS);
  return [
    [NEW_RG_TEMPLATE, `${JSON.stringify(newResourceGroupTemplate(inner), null, 2)}\n`],
    [NEW_RG_PARAMETERS, `${JSON.stringify(newResourceGroupParameters(params, 'rg-anytown-assistant', 'uksouth'), null, 2)}\n`],
  ];
}

function parseOverride(arg: string): [string, Json] {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new Error(`"${arg}" is not name=value`);
  const raw = arg.slice(eq + 1);
  let value: Json = raw;
  if (/^(true|false|-?\d+)$/.test(raw)) value = JSON.parse(raw) as Json;
  return [arg.slice(0, eq), value];
}

function main(argv: string[]): number {
  const [command, file, ...rest] = argv;
  if (command === 'build') {
    for (const [target, text] of generatedNewRgFiles()) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
      process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
    }
    return 0;
  }
  if (command === 'check') {
    const files = file ? [path.resolve(file)] : [WITH_RG_PARAMETERS, NEW_RG_PARAMETERS];
    const overrides = Object.fromEntries(rest.map(parseOverride));
    let failed = false;
    for (const parametersPath of files) {
      const templatePath = templateForParameters(parametersPath);
      const template = readJson<ArmTemplate>(templatePath);
      const templateProblems = [
        ...checkTemplate(template),
        ...checkAppSettings(template, configKeys(), KEYS_NOT_SET_BY_AZURE_TEMPLATES),
        ...checkProductionPosture(template),
      ];
      const { problems, toSupplyAtDeployment } = checkParameters(template, readJson<ParametersFile>(parametersPath), overrides);
      const rel = path.relative(process.cwd(), parametersPath);
      for (const p of templateProblems) process.stdout.write(`${path.relative(process.cwd(), templatePath)}: ${p}\n`);
      for (const p of problems) process.stdout.write(`${rel}: ${p}\n`);
      if (toSupplyAtDeployment.length)
        process.stdout.write(`${rel}: give these secrets at deployment (never in the file): ${toSupplyAtDeployment.join(', ')}\n`);
      if (templateProblems.length || problems.length) failed = true;
      else process.stdout.write(`${rel}: OK\n`);
    }
    return failed ? 1 : 0;
  }
  process.stderr.write('usage: tsx scripts/deployTemplates.ts build | check [parameters-file] [name=value …]\n');
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
